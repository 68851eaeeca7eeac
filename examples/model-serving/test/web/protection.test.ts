import type { AddressInfo } from 'node:net'
import supertest from 'supertest'
import { afterEach, describe, expect, it } from 'vitest'
import { createServer, type Server } from '../../src/web/server.js'
import { type RunningApp, serverOptions, startApp } from '../support/http.js'

let server: Server | undefined
let app: RunningApp | undefined
afterEach(async () => {
  await server?.close()
  await app?.close()
  server = undefined
  app = undefined
})

/** A server configured from `env`, with a route that answers at once and one that never does. */
async function serve(env: Record<string, string> = {}) {
  server = await createServer(serverOptions(env))
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

  it('never limits health probes, nor the health route Vertex AI is told to probe', async () => {
    const http = await serve({ RATE_LIMIT_MAX: '1', AIP_HEALTH_ROUTE: '/hc' })

    for (let i = 0; i < 5; i++) {
      await http.get('/health/live').expect(200)
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

describe('protection of the model server', () => {
  const probes = [
    '/health/live',
    '/health/ready',
    '/health',
    '/hc',
    '/ping',
    '/v2/health/live',
    '/v2/health/ready',
    '/metrics',
  ]

  it('never limits what Kubernetes, KServe, SageMaker, Vertex AI and Prometheus probe', async () => {
    app = await startApp({ RATE_LIMIT_MAX: '1', AIP_HEALTH_ROUTE: '/hc' })

    for (const path of probes) {
      for (let i = 0; i < 3; i++) await app.http.get(path).expect(200)
    }
  })

  it('limits the protocols, per-model readiness included', async () => {
    app = await startApp({ RATE_LIMIT_MAX: '1' })

    await app.http.get('/v2/models/iris/ready').expect(200)
    await app.http.get('/v2/models/iris/ready').expect(429)
    await app.http
      .post('/predict')
      .send({ instances: [[5.1, 3.5, 1.4, 0.2]] })
      .expect(429)
  })
})
