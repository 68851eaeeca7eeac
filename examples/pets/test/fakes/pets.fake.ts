import { randomUUID } from 'node:crypto'
import { PetConflict } from '../../src/domain/pets/pet.errors.js'
import type { Pet, PetFilter } from '../../src/domain/pets/pet.js'
import type { PetRepository } from '../../src/domain/pets/pet-repository.port.js'

/**
 * Pets kept in memory, for use-case tests that need no database. The repository
 * contract (test/contracts) holds it to the same behaviour as the real gateway.
 */
export function createFakePetRepository(): PetRepository & { clear(): void } {
  const pets = new Map<string, Pet>()
  let sequence = 0
  // Increasing ids, as UUIDv7 are: listing by id lists oldest first.
  const nextId = () => `${(++sequence).toString(16).padStart(8, '0')}${randomUUID().slice(8)}`

  /** The unique index on (owner, name), as the database has it. */
  function store(pet: Pet): Pet {
    const namesake = [...pets.values()].find((other) => other.owner === pet.owner && other.name === pet.name)
    if (namesake && namesake.id !== pet.id) throw new PetConflict('the owner already has a pet of this name')
    pets.set(pet.id, pet)
    return pet
  }

  return {
    clear: () => pets.clear(),

    async list(filter, { limit, after }) {
      const matching = [...pets.values()]
        .filter((pet) => (after === undefined || pet.id > after) && matches(pet, filter))
        .sort((a, b) => (a.id < b.id ? -1 : 1))
      const items = matching.slice(0, limit)
      return { items, nextCursor: matching.length > limit ? (items.at(-1)?.id ?? null) : null }
    },

    get: async (id) => pets.get(id),

    async add(draft) {
      const now = new Date()
      const pet: Pet = {
        id: nextId(),
        name: draft.name,
        owner: draft.owner,
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

    async transfer(id, owner) {
      const current = pets.get(id)
      return current && store({ ...current, owner, updatedAt: new Date() })
    },

    remove: async (id) => pets.delete(id),
  }
}

function matches(pet: Pet, filter: PetFilter): boolean {
  return Object.entries(filter).every(
    ([field, value]) => value === undefined || pet[field as keyof PetFilter] === value,
  )
}
