import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRemoteClient, type RemoteClient } from '../../src/clients/http/remote-client.js'
import type { RemoteSettings } from '../../src/clients/http/remote-settings.js'
import { DependencyUnavailableError } from '../../src/domain/errors.js'
import { createRemoteProbe } from '../../src/gateways/remote.probe.js'
import { asDependencyUnavailable } from '../../src/gateways/remote-errors.js'
import { json, unreliableRemote } from '../support/unreliable-remote.js'

const settings: Omit<RemoteSettings, 'baseUrl'> = {
  connectTimeoutMs: 200,
  timeoutMs: 600,
  retries: 1,
  maxResponseBytes: 10_000,
  circuitFailures: 100,
  circuitHalfOpenAfterMs: 1_000,
}

describe('a gateway to a remote', () => {
  let remote: Awaited<ReturnType<typeof unreliableRemote>>
  let client: RemoteClient

  beforeAll(async () => {
    remote = await unreliableRemote({
      'GET /health/live': json(200, { status: 'up' }),
      'GET /health/ready': json(503, { status: 'down' }),
      'GET /pets': json(503, { title: 'Service Unavailable' }, { 'retry-after': '30' }),
    })
    client = createRemoteClient('pets', { ...settings, baseUrl: remote.url })
  })
  afterAll(async () => {
    await client?.close()
    await remote?.close()
  })

  it('tells the domain a remote that cannot answer is an unavailable dependency, with the pause it asked for', async () => {
    const failed = client
      .call({ operation: 'listPets', method: 'GET', path: '/pets' })
      .catch(asDependencyUnavailable)

    await expect(failed).rejects.toThrow(DependencyUnavailableError)
    await expect(failed).rejects.toMatchObject({ details: { dependency: 'pets', retryAfterSeconds: 30 } })
  })

  it('leaves any other failure as it is', async () => {
    const bug = new TypeError('x is undefined')

    await expect(Promise.reject(bug).catch(asDependencyUnavailable)).rejects.toBe(bug)
  })

  it('probes readiness by a route of the remote, down when it fails or is not there', async () => {
    const stopped = await unreliableRemote({})
    await stopped.close()
    const gone = createRemoteClient('gone', { ...settings, baseUrl: stopped.url })

    try {
      await expect(createRemoteProbe('pets', client).check()).resolves.toBeUndefined()
      await expect(createRemoteProbe('pets', client, '/health/ready').check()).rejects.toThrow(
        'pets is unavailable: overloaded',
      )
      await expect(createRemoteProbe('pets', client, '/healthz').check()).rejects.toThrow(
        'pets answered /healthz with 404',
      )
      await expect(createRemoteProbe('gone', gone).check()).rejects.toThrow('gone is unavailable')
    } finally {
      await gone.close()
    }
  })
})
