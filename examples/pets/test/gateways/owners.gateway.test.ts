import { describe } from 'vitest'
import { createOwnersGateway } from '../../src/gateways/owners.gateway.js'
import { behavesAsAOwnerRepository } from '../contracts/owner-repository.contract.js'
import { openTestDatabase, testEngines } from '../support/test-database.js'

describe.each(testEngines())('the owners gateway on %s', (engine) => {
  behavesAsAOwnerRepository(async () => {
    const database = await openTestDatabase(engine)
    return {
      repository: createOwnersGateway(database.db),
      references: async () => ({}),
      reset: () => database.truncateAll(),
      close: () => database.close(),
    }
  })
})
