import { describe, expect, it } from 'vitest'
import { appUnderTest } from '../support/http.js'
import { testEngines } from '../support/test-database.js'

describe.each(testEngines())('metrics on %s', (engine) => {
  const app = appUnderTest(engine)

  it('are served in the Prometheus text format', async () => {
    const response = await app.http.get('/metrics').expect(200)

    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/)
    expect(response.text).toContain('# TYPE process_cpu_user_seconds_total counter')
    expect(response.text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge')
  })

  it('count and time requests by method, route pattern and status', async () => {
    await app.http.get('/health/live').expect(200)
    await app.http.get('/health/live').expect(200)
    await app.http.get('/no/such/route').expect(404)

    const { text } = await app.http.get('/metrics')

    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/health\/live",status_code="200"\} [2-9]/,
    )
    expect(text).toMatch(
      /http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/health\/live"/,
    )
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="unmatched",status_code="404"\} 1/,
    )
  })
})

describe.runIf(testEngines().includes('postgres'))('database pool metrics', () => {
  const app = appUnderTest(undefined, {
    DATABASE_URL: process.env.DATABASE_URL ?? '',
    DATABASE_MIGRATE_ON_START: 'false',
  })

  it('show the connections of the PostgreSQL pool', async () => {
    await app.http.get('/health/ready').expect(200)

    const { text } = await app.http.get('/metrics')

    expect(text).toMatch(/^db_pool_connections [1-9]/m)
    expect(text).toMatch(/^db_pool_idle_connections \d/m)
    expect(text).toMatch(/^db_pool_waiting_requests 0/m)
  })
})
