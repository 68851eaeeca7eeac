import { describe } from 'vitest'
import { createOwnersGateway } from '../../src/gateways/owners.gateway.js'
import { createPetsGateway } from '../../src/gateways/pets.gateway.js'
import { behavesAsAPetRepository } from '../contracts/pet-repository.contract.js'
import { openTestDatabase, testEngines } from '../support/test-database.js'

describe.each(testEngines())('the pets gateway on %s', (engine) => {
  behavesAsAPetRepository(async () => {
    const database = await openTestDatabase(engine)
    const { db } = database
    return {
      repository: createPetsGateway(database.db),
      references: async () => ({
        ownerId: (await createOwnersGateway(db).add({ name: 'Alpha' })).id,
      }),
      removeReferenced: {
        owner: (id) => createOwnersGateway(db).remove(id),
      },
      reset: () => database.truncateAll(),
      close: () => database.close(),
    }
  })
})
