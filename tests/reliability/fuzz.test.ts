import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type OpenApiDocument, type Operation, operationsOf } from '../support/fuzz/openapi.js'
import { fuzz } from '../support/fuzz/run.js'
import { addOwner } from '../support/pets.js'
import { postgresUrl, privateSchemaUrl } from '../support/postgres.js'
import { repositoryRoot } from '../support/run.js'
import { type ServiceProcess, startProcess, waitForStatus } from '../support/service-process.js'

/** Change with FUZZ_SEED=<n> to explore; a failure prints the seed and the path that reproduce it. */
const seed = Number(process.env.FUZZ_SEED ?? 20_261_123)
const requestsPerService = Number(process.env.FUZZ_RUNS ?? 2_000)
const databaseUrl = postgresUrl()

interface FuzzedService {
  readonly folder: string
  readonly bodyLimitBytes: number
  readonly env: () => Promise<Record<string, string>>
  /** Values for path parameters, made once the service runs (pets adds a few to find). */
  readonly pathValues: (baseUrl: string) => Promise<Record<string, string[]>>
}

const services: Record<string, FuzzedService> = {
  pets: {
    folder: 'examples/pets',
    bodyLimitBytes: 1_048_576,
    // A database of its own: on PostgreSQL, a private schema; else PGlite in memory, never the example's .data.
    env: async () => ({
      DATABASE_URL: databaseUrl ? await privateSchemaUrl(databaseUrl) : '',
      PGLITE_DATA_DIR: 'memory://',
    }),
    pathValues: async (baseUrl) => ({ id: await addPets(baseUrl, 5) }),
  },
  'model-serving': {
    folder: 'examples/model-serving',
    bodyLimitBytes: 2_097_152,
    env: async () => ({}),
    pathValues: async () => ({ name: ['iris'], version: ['1', '2', 'latest'] }),
  },
}

describe.each(Object.entries(services))(
  `%s under ${requestsPerService} generated requests (seed ${seed})`,
  (_, service) => {
    let process: ServiceProcess
    let operations: Operation[]
    let pathValues: Record<string, string[]>

    beforeAll(async () => {
      process = await startProcess(
        globalThis.process.execPath,
        ['--import', 'tsx', 'src/main.ts'],
        join(repositoryRoot, service.folder),
        await service.env(),
      )
      expect(await waitForStatus(`${process.baseUrl}/health/ready`, 200, 60_000), process.output()).toBe(true)
      const document = (await (await fetch(`${process.baseUrl}/docs/json`)).json()) as OpenApiDocument
      operations = operationsOf(document).filter((operation) => operation.path !== '/metrics')
      pathValues = await service.pathValues(process.baseUrl)
    }, 90_000)
    afterAll(() => process?.stop())

    it('never answers 5xx, refuses every malformed request with problem+json, and answers as documented', {
      timeout: 300_000,
    }, async () => {
      await fuzz({
        baseUrl: process.baseUrl,
        operations,
        pathValues,
        bodyLimitBytes: service.bodyLimitBytes,
        seed,
        runs: requestsPerService,
      })
    })
  },
)

async function addPets(baseUrl: string, count: number): Promise<string[]> {
  const ids: string[] = []
  const ownerId = await addOwner(baseUrl, 'Fuzz')
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${baseUrl}/pets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: `Seed ${i}`, ownerId, species: 'dog' }),
    })
    ids.push(((await response.json()) as { id: string }).id)
  }
  return ids
}
