import type { Inbox } from '../domain/events/inbox.port.js'
import type { Transactions } from '../domain/transactions.port.js'
import { applyOnce } from '../queue/applied-once.js'
import { messageHandler } from '../queue/message-handler.js'
import type { PetsService } from '../service/pets.service.js'
import { AdoptionRequestSchema } from './pets.messages.js'

/** The pets use cases on one transaction, with the inbox of that transaction. */
export interface AdoptionRequestScope {
  readonly inbox: Inbox
  readonly pets: PetsService
}

/**
 * Adoptions asked for by message, on `<prefix>.adoption-requests`: the same use case as
 * POST /pets/{id}/adoption, applied once per message id.
 */
export function adoptionRequestsConsumer(
  transactions: Transactions<AdoptionRequestScope>,
  queuePrefix: string,
) {
  return messageHandler({
    queue: `${queuePrefix}.adoption-requests`,
    summary: 'Asks for a pet to be given to a new owner; a message delivered twice is applied once.',
    schema: AdoptionRequestSchema,
    async handle({ petId, ownerId }, { messageKey }) {
      await applyOnce(transactions, messageKey, ({ pets }) => pets.adoptPet(petId, ownerId))
    },
  })
}
