import { afterEach, describe, it } from 'vitest'
import { type RunningApp, startApp } from '../support/http.js'

let app: RunningApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
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
