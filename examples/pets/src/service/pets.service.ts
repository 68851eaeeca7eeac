import type { Page, PageRequest } from '../domain/page.js'
import { PetNameTaken, PetNotFound } from '../domain/pets/pet.errors.js'
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
  /** Answers the common case with a clear message; the database's unique index covers races. */
  async function ensureNameIsFree(owner: string, name: string, petId?: string): Promise<void> {
    const namesake = await pets.findByName(owner, name)
    if (namesake && namesake.id !== petId) throw new PetNameTaken(owner, name)
  }

  async function existing(id: string): Promise<Pet> {
    return (await pets.get(id)) ?? notFound(id)
  }

  return {
    listPets: (filter, page) => pets.list(filter, page),

    getPet: existing,

    async addPet(draft) {
      const checked = checkPetDraft(draft)
      await ensureNameIsFree(checked.owner, checked.name)
      return pets.add(checked)
    },

    async updatePet(id, changes) {
      const checked = checkPetChanges(changes)
      if (checked.name !== undefined) await ensureNameIsFree((await existing(id)).owner, checked.name, id)
      return (await pets.update(id, checked)) ?? notFound(id)
    },

    async adoptPet(id, newOwner) {
      const pet = await existing(id)
      const owner = checkAdoption(pet, newOwner)
      await ensureNameIsFree(owner, pet.name)
      return (await pets.transfer(id, owner)) ?? notFound(id)
    },

    async deletePet(id) {
      if (!(await pets.remove(id))) notFound(id)
    },
  }
}

function notFound(id: string): never {
  throw new PetNotFound(id)
}
