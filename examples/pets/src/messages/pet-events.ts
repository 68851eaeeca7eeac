import { petAdoptedType } from '../domain/pets/pet-events.js'
import type { PublishedEvent } from '../queue/asyncapi.js'
import { PetAdoptedSchema } from './pets.messages.js'

/** The events the pets service publishes, as the AsyncAPI document describes them. */
export const petEvents: readonly PublishedEvent[] = [
  { type: petAdoptedType, summary: 'A pet was adopted: it has a new owner.', schema: PetAdoptedSchema },
]
