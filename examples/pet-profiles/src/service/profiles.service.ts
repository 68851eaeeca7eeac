import { PetDirectoryNotFound } from '../domain/pet-directory/pet-directory.errors.js'
import type { PetDirectory } from '../domain/pet-directory/pet-directory.port.js'
import { type PetProfile, PetProfileNotFound, profileOf } from '../domain/profiles/pet-profile.js'

/** The use cases of pet profiles. */
export interface ProfilesService {
  /** The pet's profile, with its owner; PetProfileNotFound when the pets service has no such pet. */
  profileOf(petId: string): Promise<PetProfile>
}

export function createProfilesService(directory: PetDirectory): ProfilesService {
  return {
    async profileOf(petId) {
      const pet = await directory.getPet(petId).catch((error: unknown) => {
        throw error instanceof PetDirectoryNotFound ? new PetProfileNotFound(petId) : error
      })
      return profileOf(pet, await directory.getOwner(pet.ownerId))
    },
  }
}
