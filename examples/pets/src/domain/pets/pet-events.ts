import type { DomainEvent } from '../events/domain-event.js'
import type { Pet } from './pet.js'

export const petAdoptedType = 'pet.adopted'

/** The pet has a new owner: what a subscriber needs to act without asking back. */
export function petAdopted(pet: Pet, previousOwnerId: string): DomainEvent {
  return {
    type: petAdoptedType,
    data: {
      petId: pet.id,
      name: pet.name,
      ownerId: pet.ownerId,
      previousOwnerId,
      adoptedAt: pet.updatedAt.toISOString(),
    },
  }
}
