import { messageHandler } from '../queue/message-handler.js'
import type { PetsService } from '../service/pets.service.js'
import { AdoptionRequestSchema } from './pets.messages.js'

/**
 * Adoptions asked for by message, on `<prefix>.adoption-requests`: the same use case as
 * POST /pets/{id}/adoption, applied once per message.
 */
export function adoptionRequestsConsumer(pets: PetsService, queuePrefix: string) {
  return messageHandler({
    queue: `${queuePrefix}.adoption-requests`,
    summary: 'Asks for a pet to be given to a new owner; a message delivered twice is applied once.',
    schema: AdoptionRequestSchema,
    async handle({ petId, ownerId }, { messageKey }) {
      await pets.adoptPet(petId, ownerId, { messageKey })
    },
  })
}
