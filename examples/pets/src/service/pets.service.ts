import type { Page, PageRequest } from '../domain/page.js'
import { PetConflict, PetNameTaken, PetNotFound } from '../domain/pets/pet.errors.js'
import {
  checkAdoption,
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
  /** Gives the pet to a new owner, who must not have a pet of the same name already. */
  adoptPet(id: string, newOwner: string): Promise<Pet>
  deletePet(id: string): Promise<void>
}

export function createPetsService(pets: PetRepository): PetsService {
  /**
   * The database's unique index on (owner, name) is the one judge of a name being free: no race
   * between a check and the write, and no extra round trip. A clash is told with the names.
   */
  async function keepingNamesUnique<T>(write: Promise<T>, clash: () => Promise<PetNameTaken>): Promise<T> {
    try {
      return await write
    } catch (error) {
      throw error instanceof PetConflict ? await clash() : error
    }
  }

  async function existing(id: string): Promise<Pet> {
    return (await pets.get(id)) ?? notFound(id)
  }

  return {
    listPets: (filter, page) => pets.list(filter, page),

    getPet: existing,

    async addPet(draft) {
      const checked = checkPetDraft(draft)
      return keepingNamesUnique(pets.add(checked), async () => new PetNameTaken(checked.owner, checked.name))
    },

    async updatePet(id, changes) {
      const checked = checkPetChanges(changes)
      const clash = async () => {
        const pet = await existing(id)
        return new PetNameTaken(pet.owner, checked.name ?? pet.name)
      }
      return (await keepingNamesUnique(pets.update(id, checked), clash)) ?? notFound(id)
    },

    async adoptPet(id, newOwner) {
      const pet = await existing(id)
      const owner = checkAdoption(pet, newOwner)
      const clash = async () => new PetNameTaken(owner, pet.name)
      return (await keepingNamesUnique(pets.transfer(id, owner), clash)) ?? notFound(id)
    },

    async deletePet(id) {
      if (!(await pets.remove(id))) notFound(id)
    },
  }
}

function notFound(id: string): never {
  throw new PetNotFound(id)
}
