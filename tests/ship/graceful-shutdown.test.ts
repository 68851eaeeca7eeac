import { randomBytes } from 'node:crypto'
import { request } from 'node:http'
import { join } from 'node:path'
import pg from 'pg'
import { beforeAll, describe, expect, it } from 'vitest'
import { addOwner } from '../support/pets.js'
import { postgresUrl, privateSchemaUrl } from '../support/postgres.js'
import { repositoryRoot } from '../support/run.js'
import { postJson, startReady } from '../support/service-process.js'

const databaseUrl = postgresUrl()
const pets = join(repositoryRoot, 'examples/pets')
const shutdownTimeoutMs = 4_000

/** One request on a connection of its own; resolves with the status and body, or the socket error. */
function get(url: string): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false }, (response) => {
      let body = ''
      response.on('data', (chunk) => {
        body += chunk
      })
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
    })
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }))
    req.end()
  })
}

/**
 * SIGTERM while requests are in flight. The requests are held in flight by a lock a second
 * connection takes on the pets table: the service waits on its database, as it would on a slow one.
 */
describe.runIf(databaseUrl)('graceful shutdown of pets under load', () => {
  let serviceUrl: string

  beforeAll(async () => {
    serviceUrl = await privateSchemaUrl(databaseUrl ?? '')
  })

  const startPets = async () => {
    const service = await startReady(process.execPath, ['--import', 'tsx', 'src/main.ts'], pets, {
      DATABASE_URL: serviceUrl,
      SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs),
      DATABASE_POOL_MAX: '5',
    })
    const created = await postJson(`${service.baseUrl}/pets`, {
      name: `Rex ${randomBytes(3).toString('hex')}`,
      ownerId: await addOwner(service.baseUrl, 'Alice'),
      species: 'dog',
    })
    return { service, pet: (await created.json()) as { id: string } }
  }

  /** Holds an exclusive lock on the table until released: every query on it waits. */
  const lockPets = async () => {
    const holder = new pg.Client({ connectionString: serviceUrl })
    await holder.connect()
    await holder.query('begin')
    await holder.query('lock table pets in access exclusive mode')
    return { release: async () => holder.query('commit').then(() => holder.end()) }
  }

  it('answers every request it accepted, refuses new connections, and exits 0', {
    timeout: 60_000,
  }, async () => {
    const { service, pet } = await startPets()
    const lock = await lockPets()
    const inFlight = Array.from({ length: 20 }, () => get(`${service.baseUrl}/pets/${pet.id}`))
    await new Promise((resolve) => setTimeout(resolve, 500))

    const signalledAt = Date.now()
    void service.stop()
    await new Promise((resolve) => setTimeout(resolve, 300))
    const afterSignal = await get(`${service.baseUrl}/health/live`)
    await lock.release()
    const answers = await Promise.all(inFlight)
    const exitCode = await service.exited

    expect(afterSignal).toEqual({ error: 'ECONNREFUSED' })
    expect(answers.map((answer) => ('status' in answer ? answer.status : answer.error))).toEqual(
      Array(20).fill(200),
    )
    expect(answers.every((answer) => 'body' in answer && JSON.parse(answer.body).id === pet.id)).toBe(true)
    expect(exitCode).toBe(0)
    expect(Date.now() - signalledAt).toBeLessThan(shutdownTimeoutMs)
  })

  it('gives up on requests that outlast the shutdown timeout, rather than hang', {
    timeout: 60_000,
  }, async () => {
    const { service, pet } = await startPets()
    const lock = await lockPets()
    const stuck = get(`${service.baseUrl}/pets/${pet.id}`)
    await new Promise((resolve) => setTimeout(resolve, 300))

    const signalledAt = Date.now()
    void service.stop()
    const exitCode = await service.exited
    const stoppedAfter = Date.now() - signalledAt
    await lock.release()

    expect(exitCode).not.toBe(0)
    expect(stoppedAfter).toBeGreaterThanOrEqual(shutdownTimeoutMs - 100)
    expect(stoppedAfter).toBeLessThan(shutdownTimeoutMs + 3_000)
    expect(await stuck).toHaveProperty('error')
  })
})
