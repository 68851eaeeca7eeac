import type { AddressInfo } from 'node:net'
import supertest from 'supertest'
import { afterEach, describe, expect, it } from 'vitest'
import { createServer, type Server } from '../../src/web/server.js'
import { serverOptions } from '../support/http.js'

let server: Server | undefined
afterEach(() => server?.close())

/** A server configured from `env`, with a route that answers at once and one that never does. */
async function serve(env: Record<string, string> = {}) {
  server = await createServer({ ...serverOptions(env), probePaths: ['/hc'] })
  server.get('/widgets', async () => ({ widgets: [] }))
  server.get('/slow', (_request, _reply) => new Promise(() => {}))
  server.get('/health/live', async () => ({ status: 'up' }))
  server.get('/hc', async () => ({ status: 'up' }))
  await server.listen({ host: '127.0.0.1', port: 0 })
  return supertest.agent(`http://127.0.0.1:${(server.server.address() as AddressInfo).port}`)
}

describe('protection', () => {
  it('sends security headers on every answer', async () => {
    const http = await serve()

    const response = await http.get('/widgets').expect(200)

    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringContaining('max-age='),
    })
    expect(response.headers['x-powered-by']).toBeUndefined()
  })

  it('allows no cross-origin calls unless configured', async () => {
    const http = await serve()

    const response = await http.get('/widgets').set('origin', 'https://elsewhere.example')

    expect(response.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('allows the configured origins, and only those', async () => {
    const http = await serve({ CORS_ORIGINS: 'https://app.example, https://admin.example' })

    const allowed = await http.get('/widgets').set('origin', 'https://admin.example')
    const other = await http.get('/widgets').set('origin', 'https://elsewhere.example')

    expect(allowed.headers['access-control-allow-origin']).toBe('https://admin.example')
    expect(other.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('limits each client when configured: 429 problem+json with Retry-After', async () => {
    const http = await serve({ RATE_LIMIT_MAX: '2', RATE_LIMIT_WINDOW_MS: '60000' })

    await http.get('/widgets').expect(200)
    await http.get('/widgets').expect(200)
    const limited = await http.get('/widgets').expect(429)

    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(limited.headers['retry-after']).toMatch(/^\d+$/)
    expect(limited.body).toMatchObject({ status: 429, code: 'REQUEST.RATE_LIMITED' })
  })

  it('never limits health probes, with a query string or not, nor the paths a platform probes', async () => {
    const http = await serve({ RATE_LIMIT_MAX: '1' })

    for (let i = 0; i < 5; i++) {
      await http.get('/health/live').expect(200)
      await http.get('/health/live?probe=kubelet').expect(200)
      await http.get('/hc').expect(200)
    }
  })

  it('answers a request that takes too long with 503 problem+json', async () => {
    const http = await serve({ REQUEST_TIMEOUT_MS: '100' })

    const response = await http.get('/slow').expect(503)

    expect(response.body).toMatchObject({ status: 503, code: 'SERVICE.UNAVAILABLE' })
    expect(response.headers['retry-after']).toBe('2')
  })
})
