import type { EventOutbox } from '../domain/events/event-outbox.port.js'
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
import { petAdopted } from '../domain/pets/pet-events.js'
import type { PetRepository } from '../domain/pets/pet-repository.port.js'
import type { Transactions } from '../domain/transactions.port.js'

/** What an adoption changes and records, in one transaction. */
export interface AdoptionScope {
  readonly pets: PetRepository
  readonly events: EventOutbox
}

/** The operations on pets, whatever the protocol that asks for them. */
export interface PetsService {
  listPets(query: PetListQuery, page: PageRequest): Promise<Page<Pet>>
  getPet(id: string): Promise<Pet>
  addPet(draft: PetDraft): Promise<Pet>
  updatePet(id: string, changes: PetChanges): Promise<Pet>
  /**
   * Gives the pet to a new owner, who must exist and have no pet of the same name already, and
   * records `pet.adopted`.
   */
  adoptPet(id: string, newOwnerId: string): Promise<Pet>
  deletePet(id: string): Promise<void>
  /** The pets whose owner is the owner `ownerId`; that owner must exist. */
  listPetsOfOwner(ownerId: string, query: PetListQuery, page: PageRequest): Promise<Page<Pet>>
}

export function createPetsService(
  pets: PetRepository,
  owners: OwnerRepository,
  adoptions: Transactions<AdoptionScope>,
): PetsService {
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

    adoptPet: (id, newOwnerId) =>
      adoptions.run(async ({ pets, events }) => {
        const pet = (await pets.get(id)) ?? notFound(id)
        const adopted = (await pets.transfer(id, checkAdoption(pet, newOwnerId))) ?? notFound(id)
        await events.record(petAdopted(adopted, pet.ownerId))
        return adopted
      }),

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
