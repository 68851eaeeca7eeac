import { describe, expect, it } from 'vitest'
import { appUnderTest } from '../support/http.js'
import { testEngines } from '../support/test-database.js'

describe.each(testEngines())('health on %s', (engine) => {
  const app = appUnderTest(engine)

  it('says the process is live', async () => {
    const response = await app.http.get('/health/live').expect(200)

    expect(response.body).toEqual({ status: 'up', uptimeSeconds: expect.any(Number) })
  })

  it('is ready when the database answers', async () => {
    const response = await app.http.get('/health/ready').expect(200)

    expect(response.body).toEqual({
      status: 'ready',
      dependencies: [{ name: 'database', status: 'up', latencyMs: expect.any(Number) }],
    })
  })

  it('sums up liveness and readiness', async () => {
    const response = await app.http.get('/health').expect(200)

    expect(response.body).toMatchObject({ status: 'ready', uptimeSeconds: expect.any(Number) })
  })
})

describe('health when the database does not answer', () => {
  const app = appUnderTest(undefined, {
    // Nothing listens on port 1: every connection is refused at once.
    DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
    DATABASE_MIGRATE_ON_START: 'false',
  })

  it('is still live', async () => {
    await app.http.get('/health/live').expect(200)
  })

  it('is not ready, and says which dependency is down without saying where it lives', async () => {
    const response = await app.http.get('/health/ready').expect(503)

    expect(response.body).toEqual({
      status: 'not ready',
      dependencies: [{ name: 'database', status: 'down', latencyMs: expect.any(Number) }],
    })
    expect(response.text).not.toContain('127.0.0.1')
  })

  it('answers the summary with 503 too', async () => {
    await app.http.get('/health').expect(503)
  })
})
