import { Registry } from 'prom-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRemoteClient, type RemoteClient } from '../../../src/clients/http/remote-client.js'
import type { RemoteSettings } from '../../../src/clients/http/remote-settings.js'
import { RemoteUnavailable } from '../../../src/clients/http/remote-unavailable.js'
import { dropped, json, silent, unreliableRemote } from '../../support/unreliable-remote.js'

const settings: RemoteSettings = {
  baseUrl: '',
  connectTimeoutMs: 200,
  timeoutMs: 600,
  retries: 2,
  maxResponseBytes: 1_024,
  circuitFailures: 100,
  circuitHalfOpenAfterMs: 300,
}

/** What the call was refused with, or what it answered when it was not. */
async function refusal(call: Promise<unknown>) {
  const outcome = await call.then(
    (answer) => ({ answer }),
    (error: unknown) => error,
  )
  if (!(outcome instanceof RemoteUnavailable)) throw new Error(`not refused: ${JSON.stringify(outcome)}`)
  return outcome
}

describe('a client of a remote service', () => {
  let remote: Awaited<ReturnType<typeof unreliableRemote>>
  let client: RemoteClient
  const registry = new Registry()

  beforeAll(async () => {
    remote = await unreliableRemote({
      'GET /pets/1': json(200, { id: '1', name: 'Rex' }),
      'GET /slow': silent,
      'GET /dropped': dropped,
      'POST /dropped': dropped,
      'GET /flaky': (request, response, hit) => json(hit <= 2 ? 500 : 200, { hit })(request, response, hit),
      'POST /failing': json(500, { title: 'Internal Server Error' }),
      'POST /busy': (request, response, hit) =>
        json(hit === 1 ? 503 : 201, { hit }, { 'retry-after': '0' })(request, response, hit),
      'GET /large': json(200, { padding: 'x'.repeat(2_000) }),
      'GET /limited': json(429, { title: 'Too Many Requests' }, { 'retry-after': '5' }),
    })
    client = createRemoteClient('pets', { ...settings, baseUrl: remote.url }, { metrics: registry })
  })
  afterAll(async () => {
    await client?.close()
    await remote?.close()
  })

  it('answers with the status and the parsed JSON', async () => {
    const found = await client.call({ operation: 'getPet', method: 'GET', path: '/pets/1' })
    const missing = await client.call({ operation: 'getPet', method: 'GET', path: '/pets/2' })

    expect(found).toMatchObject({ status: 200, body: { id: '1', name: 'Rex' } })
    expect(missing).toMatchObject({ status: 404, body: { title: 'Not Found' } })
  })

  it('gives up on a remote that does not answer once the call has taken its timeout', async () => {
    const started = Date.now()

    const error = await refusal(client.call({ operation: 'slow', method: 'GET', path: '/slow' }))

    expect(error.reason).toBe('timeout')
    expect(Date.now() - started).toBeLessThan(settings.timeoutMs + 400)
  })

  it('sends an idempotent call again after a 500, until the remote recovers', async () => {
    const answer = await client.call({ operation: 'flaky', method: 'GET', path: '/flaky' })

    expect(answer).toMatchObject({ status: 200, body: { hit: 3 } })
    expect(remote.hitsOf('GET /flaky')).toBe(3)
  })

  it('never sends a call that is not idempotent twice, whatever went wrong', async () => {
    const failed = await refusal(
      client.call({ operation: 'add', method: 'POST', path: '/failing', json: {} }),
    )
    const cut = await refusal(client.call({ operation: 'add', method: 'POST', path: '/dropped', json: {} }))
    const cutRead = await refusal(client.call({ operation: 'read', method: 'GET', path: '/dropped' }))

    expect([failed.reason, cut.reason, cutRead.reason]).toEqual([
      'server error',
      'connection failed',
      'connection failed',
    ])
    expect(remote.hitsOf('POST /failing')).toBe(1)
    expect(remote.hitsOf('POST /dropped')).toBe(1)
    expect(remote.hitsOf('GET /dropped')).toBe(1 + settings.retries)
  })

  it('sends any call again when the remote says it may (503 with Retry-After)', async () => {
    const answer = await client.call({ operation: 'add', method: 'POST', path: '/busy', json: {} })

    expect(answer).toMatchObject({ status: 201, body: { hit: 2 } })
  })

  it('does not wait out a Retry-After longer than the call may take, and passes it on', async () => {
    const started = Date.now()

    const error = await refusal(client.call({ operation: 'limited', method: 'GET', path: '/limited' }))

    expect(error).toMatchObject({ reason: 'overloaded', retryAfterSeconds: 5 })
    expect(remote.hitsOf('GET /limited')).toBe(1)
    expect(Date.now() - started).toBeLessThan(settings.timeoutMs)
  })

  it('cuts off a response larger than allowed, and does not ask again', async () => {
    const error = await refusal(client.call({ operation: 'large', method: 'GET', path: '/large' }))

    expect(error.reason).toBe('response too large')
    expect(remote.hitsOf('GET /large')).toBe(1)
  })

  it('shows every attempt in the metrics, by remote, operation and status', async () => {
    const metrics = await registry.getSingleMetricAsString('http_client_request_duration_seconds')

    expect(metrics).toContain('remote="pets",operation="getPet",status_code="200"')
    expect(metrics).toContain('remote="pets",operation="getPet",status_code="404"')
    expect(metrics).toMatch(/operation="flaky",status_code="500"\} 2\n/)
    expect(metrics).toContain('operation="slow",status_code="error"')
  })
})

describe('the circuit to a remote', () => {
  it('opens after consecutive failures, spares the remote while open, and closes when it recovers', async () => {
    let healthy = false
    const remote = await unreliableRemote({
      'GET /pets': (request, response, hit) => json(healthy ? 200 : 500, { hit })(request, response, hit),
    })
    const registry = new Registry()
    const client = createRemoteClient(
      'pets',
      { ...settings, baseUrl: remote.url, retries: 0, circuitFailures: 3 },
      { metrics: registry },
    )
    const list = () => client.call({ operation: 'listPets', method: 'GET', path: '/pets' })
    const circuitState = async () =>
      (await registry.getSingleMetric('http_client_circuit_state')?.get())?.values[0]?.value

    try {
      for (let call = 0; call < 3; call++) expect((await refusal(list())).reason).toBe('server error')
      const whileOpen = await refusal(list())

      expect(whileOpen.reason).toBe('circuit open')
      expect(remote.hitsOf('GET /pets')).toBe(3)
      expect(await circuitState()).toBe(2)

      healthy = true
      await new Promise((resolve) => setTimeout(resolve, settings.circuitHalfOpenAfterMs + 50))

      expect(await list()).toMatchObject({ status: 200 })
      expect(await circuitState()).toBe(0)
    } finally {
      await client.close()
      await remote.close()
    }
  })

  it('fails fast, and retries, when the remote is not there at all', async () => {
    const remote = await unreliableRemote({})
    await remote.close()
    const client = createRemoteClient('pets', { ...settings, baseUrl: remote.url })

    try {
      const error = await refusal(client.call({ operation: 'listPets', method: 'GET', path: '/pets' }))

      expect(error.reason).toBe('connection failed')
    } finally {
      await client.close()
    }
  })
})
