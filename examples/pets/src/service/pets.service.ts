import type { Page, PageRequest } from '../domain/page.js'
import { PetNotFound } from '../domain/pets/pet.errors.js'
import {
  checkPetChanges,
  checkPetDraft,
  type Pet,
  type PetChanges,
  type PetDraft,
  type PetFilter,
} from '../domain/pets/pet.js'
import type { PetRepository } from '../domain/pets/pet-repository.port.js'

/** The operations on pets, whatever the protocol that asks for them. */
export interface PetsService {
  listPets(filter: PetFilter, page: PageRequest): Promise<Page<Pet>>
  getPet(id: string): Promise<Pet>
  addPet(draft: PetDraft): Promise<Pet>
  updatePet(id: string, changes: PetChanges): Promise<Pet>
  deletePet(id: string): Promise<void>
}

export function createPetsService(pets: PetRepository): PetsService {
  return {
    listPets: (filter, page) => pets.list(filter, page),

    async getPet(id) {
      return (await pets.get(id)) ?? notFound(id)
    },

    async addPet(draft) {
      return pets.add(checkPetDraft(draft))
    },

    async updatePet(id, changes) {
      return (await pets.update(id, checkPetChanges(changes))) ?? notFound(id)
    },

    async deletePet(id) {
      if (!(await pets.remove(id))) notFound(id)
    },
  }
}

function notFound(id: string): never {
  throw new PetNotFound(id)
}
