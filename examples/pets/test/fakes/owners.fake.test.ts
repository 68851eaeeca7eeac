import { describe } from 'vitest'
import { behavesAsAOwnerRepository } from '../contracts/owner-repository.contract.js'
import { newMemory } from './memory.js'
import { createFakeOwnerRepository } from './owners.fake.js'

describe('the in-memory OwnerRepository', () => {
  behavesAsAOwnerRepository(async () => {
    const memory = newMemory()
    return {
      repository: createFakeOwnerRepository(memory),
      references: async () => ({}),
      reset: async () => {
        for (const table of memory.tables.values()) table.clear()
      },
      close: async () => {},
    }
  })
})
