import { NotFoundError } from '../errors.js'
import type { Owner, Pet } from '../pet-directory/pet-directory.port.js'

/** A pet as this service shows it: who it is, and who looks after it. */
export interface PetProfile {
  readonly petId: string
  readonly name: string
  readonly species: Pet['species']
  readonly description: string | null
  readonly owner: { readonly id: string; readonly name: string }
}

export function profileOf(pet: Pet, owner: Owner): PetProfile {
  return {
    petId: pet.id,
    name: pet.name,
    species: pet.species,
    description: pet.description,
    owner: { id: owner.id, name: owner.name },
  }
}

export class PetProfileNotFound extends NotFoundError {
  readonly code = 'PET_PROFILE.NOT_FOUND'

  constructor(readonly petId: string) {
    super(`there is no pet ${petId} to make a profile of`, { petId })
  }
}
