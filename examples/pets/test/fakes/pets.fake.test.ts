import { describe } from 'vitest'
import { behavesAsAPetRepository } from '../contracts/pet-repository.contract.js'
import { newMemory } from './memory.js'
import { createFakeOwnerRepository } from './owners.fake.js'
import { createFakePetRepository } from './pets.fake.js'

describe('the in-memory PetRepository', () => {
  behavesAsAPetRepository(async () => {
    const memory = newMemory()
    return {
      repository: createFakePetRepository(memory),
      references: async () => ({
        ownerId: (await createFakeOwnerRepository(memory).add({ name: 'Alpha' })).id,
      }),
      removeReferenced: {
        owner: (id) => createFakeOwnerRepository(memory).remove(id),
      },
      reset: async () => {
        for (const table of memory.tables.values()) table.clear()
      },
      close: async () => {},
    }
  })
})
