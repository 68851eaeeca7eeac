import { describe } from 'vitest'
import { behavesAsAPetRepository } from '../contracts/pet-repository.contract.js'
import { createFakePetRepository } from './pets.fake.js'

describe('the in-memory PetRepository', () => {
  behavesAsAPetRepository(async () => {
    const repository = createFakePetRepository()
    return { repository, reset: async () => repository.clear(), close: async () => {} }
  })
})
