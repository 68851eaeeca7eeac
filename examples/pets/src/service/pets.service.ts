import { OwnerNotFound } from '../domain/owners/owner.errors.js'
import type { OwnerRepository } from '../domain/owners/owner-repository.port.js'
import type { Page, PageRequest } from '../domain/page.js'
import { PetNotFound } from '../domain/pets/pet.errors.js'
import {
  checkAdoption,
  checkPetChanges,
  checkPetDraft,
  type Pet,
  type PetChanges,
  type PetDraft,
  type PetListQuery,
} from '../domain/pets/pet.js'
import type { PetRepository } from '../domain/pets/pet-repository.port.js'

/** The operations on pets, whatever the protocol that asks for them. */
export interface PetsService {
  listPets(query: PetListQuery, page: PageRequest): Promise<Page<Pet>>
  getPet(id: string): Promise<Pet>
  addPet(draft: PetDraft): Promise<Pet>
  updatePet(id: string, changes: PetChanges): Promise<Pet>
  /** Gives the pet to a new owner, who must exist and have no pet of the same name already. */
  adoptPet(id: string, newOwnerId: string): Promise<Pet>
  deletePet(id: string): Promise<void>
  /** The pets whose owner is the owner `ownerId`; that owner must exist. */
  listPetsOfOwner(ownerId: string, query: PetListQuery, page: PageRequest): Promise<Page<Pet>>
}

export function createPetsService(pets: PetRepository, owners: OwnerRepository): PetsService {
  async function existing(id: string): Promise<Pet> {
    return (await pets.get(id)) ?? notFound(id)
  }

  return {
    listPets: (query, page) => pets.list(query, page),

    getPet: existing,

    async addPet(draft) {
      return pets.add(checkPetDraft(draft))
    },

    async updatePet(id, changes) {
      return (await pets.update(id, checkPetChanges(changes))) ?? notFound(id)
    },

    async adoptPet(id, newOwnerId) {
      const pet = await existing(id)
      return (await pets.transfer(id, checkAdoption(pet, newOwnerId))) ?? notFound(id)
    },

    async deletePet(id) {
      if (!(await pets.remove(id))) notFound(id)
    },

    async listPetsOfOwner(ownerId, query, page) {
      if (!(await owners.get(ownerId))) throw new OwnerNotFound(ownerId)
      return pets.list({ ...query, filter: { ...query.filter, ownerId: { eq: ownerId } } }, page)
    },
  }
}

function notFound(id: string): never {
  throw new PetNotFound(id)
}
