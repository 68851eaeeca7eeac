import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningApp, startApp } from '../support/http.js'
import { json, silent, unreliableRemote } from '../support/unreliable-remote.js'

const ownerId = '0195b1d4-0000-7000-8000-000000000001'
const petId = '0195b1d4-0000-7000-8000-000000000002'
const missingId = '0195b1d4-0000-7000-8000-000000000003'
const busyId = '0195b1d4-0000-7000-8000-000000000004'
const slowId = '0195b1d4-0000-7000-8000-000000000005'
const stamps = { createdAt: '2026-01-02T03:04:05.000Z', updatedAt: '2026-01-02T03:04:05.000Z' }

describe('GET /profiles/{petId}, over a remote answering as the pets service does', () => {
  let remote: Awaited<ReturnType<typeof unreliableRemote>>
  let app: RunningApp

  beforeAll(async () => {
    const pet = { id: petId, name: 'Rex', ownerId, description: null, species: 'cat', ...stamps }
    remote = await unreliableRemote({
      [`GET /pets/${petId}`]: json(200, pet),
      [`GET /owners/${ownerId}`]: json(200, { id: ownerId, name: 'Ada', email: null, ...stamps }),
      [`GET /pets/${missingId}`]: json(404, { title: 'Not Found', status: 404, detail: 'no such pet' }),
      [`GET /pets/${busyId}`]: json(
        503,
        { title: 'Service Unavailable', status: 503 },
        { 'retry-after': '7' },
      ),
      [`GET /pets/${slowId}`]: silent,
    })
    app = await startApp(undefined, {
      PETS_API_URL: remote.url,
      PETS_API_TIMEOUT_MS: '500',
      PETS_API_RETRIES: '0',
      PETS_API_CIRCUIT_FAILURES: '100',
    })
  })
  afterAll(async () => {
    await app?.close()
    await remote?.close()
  })

  it('answers the profile made of the pet and its owner', async () => {
    const response = await app.http.get(`/profiles/${petId}`).expect(200)

    expect(response.body).toEqual({
      petId,
      name: 'Rex',
      species: 'cat',
      description: null,
      owner: { id: ownerId, name: 'Ada' },
    })
  })

  it('answers 404 problem+json when the pets service has no such pet', async () => {
    const response = await app.http.get(`/profiles/${missingId}`).expect(404)

    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(response.body).toMatchObject({ code: 'PET_PROFILE.NOT_FOUND' })
  })

  it('answers 503 with the pause the pets service asked for, and within the timeout when it hangs', async () => {
    const busy = await app.http.get(`/profiles/${busyId}`).expect(503)
    const started = performance.now()
    const slow = await app.http.get(`/profiles/${slowId}`).expect(503)

    expect(busy.headers['retry-after']).toBe('7')
    expect(busy.body).toMatchObject({ code: 'DEPENDENCY.UNAVAILABLE' })
    expect(slow.body).toMatchObject({ code: 'DEPENDENCY.UNAVAILABLE' })
    expect(performance.now() - started).toBeLessThan(5_000)
  })

  it('refuses an id that is no uuid before asking anyone', async () => {
    const response = await app.http.get('/profiles/rex').expect(400)

    expect(response.body.errors).toEqual([expect.objectContaining({ in: 'params', field: 'petId' })])
    expect(remote.hitsOf('GET /pets/rex')).toBe(0)
  })
})
