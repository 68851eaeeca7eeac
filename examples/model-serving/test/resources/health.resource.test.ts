import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { modelRepository } from '../../src/gateways/model-repository.gateway.js'
import { modelsLoaded, type RunningApp, startApp } from '../support/http.js'
import { addBrokenVersion, copyOfShippedModels, shippedModels } from '../support/models.js'
import { gatedStore, settlingStore } from '../support/stores.js'

/** Every route that tells a platform whether to send traffic here. */
const readinessRoutes = [
  '/health/ready',
  '/health',
  '/hc',
  '/v2/health/ready',
  '/ping',
  '/v2/models/iris/ready',
]

describe('health while the models load, and after', () => {
  const gate = gatedStore(modelRepository(shippedModels))
  let app: RunningApp

  beforeAll(async () => {
    app = await startApp(
      { AIP_HEALTH_ROUTE: '/hc' },
      { dependencies: { modelStore: gate.store }, waitForModels: false },
    )
  })
  afterAll(async () => {
    gate.release()
    await app?.close()
  })

  it('is live, not ready, and serves no prediction while the models load; then all of it', async () => {
    await app.http.get('/health/live').expect(200)
    await app.http.get('/v2/health/live').expect(200)
    for (const route of readinessRoutes) await app.http.get(route).expect(503)
    const early = await app.http.get('/health/ready')
    const refused = await app.http
      .post('/predict')
      .send({ instances: [[5.1, 3.5, 1.4, 0.2]] })
      .expect(503)

    gate.release()
    await modelsLoaded(app.http)

    expect(early.body).toEqual({
      status: 'not ready',
      dependencies: [
        { name: 'iris/1', status: 'down', latencyMs: expect.any(Number) },
        { name: 'iris/2', status: 'down', latencyMs: expect.any(Number) },
      ],
    })
    expect(refused.body).toMatchObject({
      code: 'MODEL.NOT_READY',
      detail: 'model iris/2 is not ready to serve',
    })
    for (const route of readinessRoutes) await app.http.get(route).expect(200)
    await app.http
      .post('/predict')
      .send({ instances: [[5.1, 3.5, 1.4, 0.2]] })
      .expect(200)
  })
})

describe('health when a model fails to load', () => {
  let repository: Awaited<ReturnType<typeof copyOfShippedModels>>
  let app: RunningApp

  beforeAll(async () => {
    repository = await copyOfShippedModels()
    await addBrokenVersion(repository.root, 'iris', 3)
    const { store, settled } = settlingStore(modelRepository(repository.root))
    app = await startApp(
      { AIP_HEALTH_ROUTE: '/hc' },
      { dependencies: { modelStore: store }, waitForModels: false },
    )
    await settled
    await vi.waitFor(async () => {
      for (const version of [1, 2])
        await app.http.get(`/v2/models/iris/versions/${version}/ready`).expect(200)
    })
  })
  afterAll(async () => {
    await app?.close()
    await repository?.remove()
  })

  it('stays not ready, and says which version is down without saying why', async () => {
    for (const route of readinessRoutes) await app.http.get(route).expect(503)
    const response = await app.http.get('/health/ready').expect(503)

    expect(response.body.dependencies).toEqual([
      { name: 'iris/1', status: 'up', latencyMs: expect.any(Number) },
      { name: 'iris/2', status: 'up', latencyMs: expect.any(Number) },
      { name: 'iris/3', status: 'down', latencyMs: expect.any(Number) },
    ])
    expect(response.text).not.toContain('onnx')
  })

  it('still serves the versions that loaded, and answers 503 for the one that did not', async () => {
    await app.http
      .post('/v1/models/iris/versions/1:predict')
      .send({ instances: [[5.1, 3.5, 1.4, 0.2]] })
      .expect(200)
    const response = await app.http
      .post('/v1/models/iris:predict')
      .send({ instances: [[5.1, 3.5, 1.4, 0.2]] })
      .expect(503)

    expect(response.body.code).toBe('MODEL.NOT_READY')
  })
})
