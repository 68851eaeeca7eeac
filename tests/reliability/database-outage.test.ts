import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addOwner } from '../support/pets.js'
import { repositoryRoot } from '../support/run.js'
import { type ServiceProcess, startProcess, waitForStatus } from '../support/service-process.js'
import {
  canMakeThrowawayPostgres,
  type ThrowawayPostgres,
  throwawayPostgres,
} from '../support/throwaway-postgres.js'

const requestTimeoutMs = 5_000

interface Attempt {
  readonly status: number | 'hung' | 'refused'
  readonly id?: string
  readonly contentType?: string | null
  readonly body?: string
}

/** POSTs a pet; a request the service does not answer within the timeout counts as hung. */
async function addPet(baseUrl: string, ownerId: string, name: string): Promise<Attempt> {
  try {
    const response = await fetch(`${baseUrl}/pets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, ownerId, species: 'cat' }),
      signal: AbortSignal.timeout(requestTimeoutMs + 1_000),
    })
    const body = await response.text()
    const id = response.status === 201 ? (JSON.parse(body) as { id: string }).id : undefined
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      body,
      ...(id && { id }),
    }
  } catch (error) {
    return { status: (error as Error).name === 'TimeoutError' ? 'hung' : 'refused' }
  }
}

/** Polls until `url` answers `status`; how long that took, or undefined past the deadline. */
async function timeUntil(url: string, status: number, deadlineMs: number): Promise<number | undefined> {
  const started = Date.now()
  return (await waitForStatus(url, status, deadlineMs)) ? Date.now() - started : undefined
}

/**
 * The database goes away while a client writes pets, then comes back. The service must say so
 * (readiness 503 fast), refuse honestly (503 problem+json, never a 500, never a hang), recover on
 * its own, and lose nothing it acknowledged.
 */
describe.runIf(canMakeThrowawayPostgres)('pets when PostgreSQL goes away and comes back', () => {
  let database: ThrowawayPostgres
  let service: ServiceProcess & { readonly exited: Promise<number | null> }

  beforeAll(async () => {
    database = await throwawayPostgres()
    service = await startProcess(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts'],
      join(repositoryRoot, 'examples/pets'),
      {
        DATABASE_URL: database.url,
        DATABASE_CONNECT_TIMEOUT_MS: '1000',
        DATABASE_QUERY_TIMEOUT_MS: '2000',
        HEALTH_PROBE_TIMEOUT_MS: '500',
        REQUEST_TIMEOUT_MS: String(requestTimeoutMs),
      },
    )
    expect(await waitForStatus(`${service.baseUrl}/health/ready`, 200, 30_000), service.output()).toBe(true)
  }, 60_000)
  afterAll(async () => {
    await service?.stop()
    database?.destroy()
  })

  it('turns unready, answers 503 without hanging, recovers, and keeps every acknowledged write', {
    timeout: 90_000,
  }, async () => {
    const ownerId = await addOwner(service.baseUrl, 'Outage')
    const attempts: Attempt[] = []
    let writing = true
    const writer = (async () => {
      for (let i = 0; writing; i++) attempts.push(await addPet(service.baseUrl, ownerId, `Cat ${i}`))
    })()
    const ready = `${service.baseUrl}/health/ready`

    await new Promise((resolve) => setTimeout(resolve, 1_000))
    database.stop()
    const unreadyAfter = await timeUntil(ready, 503, 10_000)
    await new Promise((resolve) => setTimeout(resolve, 3_000))
    const duringOutage = attempts.length
    database.start()
    const readyAfter = await timeUntil(ready, 200, 30_000)
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    writing = false
    await writer

    const statuses = new Set(attempts.map((attempt) => attempt.status))
    const refusals = attempts.filter((attempt) => attempt.status === 503)
    expect(unreadyAfter, 'readiness turned 503 within 2 s').toBeLessThan(2_000)
    expect(readyAfter, 'readiness came back without a restart').toBeDefined()
    expect([...statuses].sort(), 'every write answered 201 or 503').toEqual([201, 503])
    expect(refusals.length).toBeGreaterThan(0)
    for (const refusal of refusals) {
      expect(refusal.contentType).toMatch(/^application\/problem\+json/)
      expect(JSON.parse(refusal.body ?? '{}')).toMatchObject({ status: 503, code: 'DEPENDENCY.UNAVAILABLE' })
    }
    expect(
      attempts.slice(duringOutage).some((attempt) => attempt.status === 201),
      'writes succeed again',
    ).toBe(true)

    const acknowledged = attempts.flatMap((attempt) => (attempt.id ? [attempt.id] : []))
    const client = new pg.Client({ connectionString: database.url })
    await client.connect()
    const { rows } = await client.query<{ id: string }>('select id from pets where id = any($1::uuid[])', [
      acknowledged,
    ])
    await client.end()
    expect(rows.length, 'every acknowledged write is in the database').toBe(acknowledged.length)
  })
})
