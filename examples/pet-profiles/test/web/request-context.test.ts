import type { AddressInfo } from 'node:net'
import supertest from 'supertest'
import { describe, expect, it } from 'vitest'
import { createRemoteClient } from '../../src/clients/http/remote-client.js'
import { currentRequestId } from '../../src/web/request-context.js'
import { createServer } from '../../src/web/server.js'
import { serverOptions } from '../support/http.js'
import { unreliableRemote } from '../support/unreliable-remote.js'

describe('the request context', () => {
  it('sends the id of the request being answered on to the services it calls', async () => {
    const remote = await unreliableRemote({
      'GET /echo': (request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' })
        response.end(JSON.stringify({ requestId: request.headers['x-request-id'] ?? null }))
      },
    })
    const client = createRemoteClient(
      'echo',
      {
        baseUrl: remote.url,
        connectTimeoutMs: 200,
        timeoutMs: 1_000,
        retries: 0,
        maxResponseBytes: 1_000,
        circuitFailures: 5,
        circuitHalfOpenAfterMs: 1_000,
      },
      { requestId: currentRequestId },
    )
    const server = await createServer({ ...serverOptions(), requestContext: true })
    server.get('/relay', async () => {
      await new Promise((resolve) => setImmediate(resolve))
      return (await client.call({ operation: 'echo', method: 'GET', path: '/echo' })).body
    })
    await server.listen({ host: '127.0.0.1', port: 0 })
    const http = supertest(`http://127.0.0.1:${(server.server.address() as AddressInfo).port}`)

    try {
      const given = await http.get('/relay').set('x-request-id', 'checkout-42').expect(200)
      const made = await http.get('/relay').expect(200)

      expect(given.body).toEqual({ requestId: 'checkout-42' })
      expect(made.body).toEqual({ requestId: made.headers['x-request-id'] })
      expect(currentRequestId()).toBeUndefined()
    } finally {
      await server.close()
      await client.close()
      await remote.close()
    }
  })
})
