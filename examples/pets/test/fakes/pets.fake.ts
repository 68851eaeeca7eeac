import { randomUUID } from 'node:crypto'
import { PetConflict, PetInvalid, PetNameTaken } from '../../src/domain/pets/pet.errors.js'
import type { Pet } from '../../src/domain/pets/pet.js'
import type { PetRepository } from '../../src/domain/pets/pet-repository.port.js'
import { listOf } from './list-query.js'
import { declareReferences, type Memory, missingReference, newMemory, removeFrom, tableIn } from './memory.js'

/**
 * Pets kept in memory, for use-case tests that need no database. The repository
 * contract (test/contracts) holds it to the same behaviour as the real gateway. Fakes made on
 * one memory see each other's items, as gateways on one database do.
 */
export function createFakePetRepository(memory: Memory = newMemory()): PetRepository & { clear(): void } {
  const pets = tableIn<Pet>(memory, 'pets')
  declareReferences(memory, [{ from: 'pets', field: 'ownerId', to: 'owners', cascade: false }])
  /** Stores a pet as the database would: its owner must exist, and have no other pet of its name. */
  const store = (pet: Pet) => {
    const field = missingReference(memory, 'pets', pet)
    if (field) throw new PetInvalid(`${field} refers to nothing that exists`, { field })
    const namesake = [...pets.values()].find(
      (other) => other.ownerId === pet.ownerId && other.name === pet.name,
    )
    if (namesake && namesake.id !== pet.id) throw new PetNameTaken(pet.ownerId, pet.name)
    pets.set(pet.id, pet)
    return pet
  }
  let sequence = 0
  // Increasing ids, as UUIDv7 are: listing by id lists oldest first.
  const nextId = () => `${(++sequence).toString(16).padStart(8, '0')}${randomUUID().slice(8)}`

  return {
    clear: () => pets.clear(),

    list: async (query, page) => listOf(pets.values(), query, page),

    get: async (id) => pets.get(id),

    async add(draft) {
      const now = new Date()
      const pet: Pet = {
        id: nextId(),
        name: draft.name,
        ownerId: draft.ownerId,
        description: draft.description ?? null,
        species: draft.species,
        createdAt: now,
        updatedAt: now,
      }
      return store(pet)
    },

    async update(id, changes) {
      const current = pets.get(id)
      if (!current) return undefined
      const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined))
      return store({ ...current, ...defined, updatedAt: new Date() })
    },

    async transfer(id, ownerId) {
      const current = pets.get(id)
      return current && store({ ...current, ownerId, updatedAt: new Date() })
    },

    async remove(id) {
      const outcome = removeFrom(memory, 'pets', id)
      if (outcome === 'referenced') throw new PetConflict('the pet is still referred to')
      return outcome === 'removed'
    },
  }
}
