import { describe } from 'vitest'
import { createPetsGateway } from '../../src/gateways/pets.gateway.js'
import { behavesAsAPetRepository } from '../contracts/pet-repository.contract.js'
import { openTestDatabase, testEngines } from '../support/test-database.js'

describe.each(testEngines())('the pets gateway on %s', (engine) => {
  behavesAsAPetRepository(async () => {
    const database = await openTestDatabase(engine)
    return {
      repository: createPetsGateway(database.db),
      reset: () => database.truncateAll(),
      close: () => database.close(),
    }
  })
})
