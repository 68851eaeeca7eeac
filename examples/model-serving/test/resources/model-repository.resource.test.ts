import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningApp, startApp } from '../support/http.js'

const flower = { instances: [[5.1, 3.5, 1.4, 0.2]] }

/**
 * Versions as a resource: the service starts on iris version 1 alone, loads version 2 from the
 * repository at run time, splits the traffic between them, and unloads version 2 while requests
 * to it are in flight. Batches wait 100 ms for company, so that those requests are still queued
 * when the unload arrives.
 */
describe('the model repository: versions loaded, split and unloaded at run time', () => {
  let app: RunningApp

  beforeAll(async () => {
    app = await startApp({ MODELS: 'iris:1', BATCH_MAX_DELAY_MS: '100', MODEL_CONTROL_MODE: 'explicit' })
  })
  afterAll(() => app?.close())

  const index = async () => (await app.http.post('/v2/repository/index').expect(200)).body

  it('lists what the repository holds, served or not', async () => {
    expect(await index()).toEqual([
      { name: 'iris', version: '1', state: 'READY' },
      { name: 'iris', version: '2', state: 'UNAVAILABLE', reason: 'not loaded' },
    ])
  })

  it('loads a version at run time, warmed up, while the service stays ready', async () => {
    const loaded = await app.http
      .post('/v2/repository/models/iris/load')
      .send({ parameters: { version: '2' } })

    expect(loaded.status, JSON.stringify(loaded.body)).toBe(200)
    expect(loaded.body).toEqual([{ name: 'iris', version: '2', state: 'READY' }])
    expect((await index()).map((entry: { state: string }) => entry.state)).toEqual(['READY', 'READY'])
    await app.http.get('/health/ready').expect(200)
    await app.http.get('/v2/models/iris/versions/2/ready').expect(200)
    const latest = await app.http.post('/v1/models/iris:predict').send(flower).expect(200)
    expect(latest.headers['x-model-version']).toBe('2')
  })

  it('splits the requests that name no version by weight, the same request id always to the same version', async () => {
    const split = await app.http
      .put('/v2/repository/models/iris/traffic')
      .send({ weights: { '1': 1, '2': 1 } })
    expect(split.status, JSON.stringify(split.body)).toBe(200)
    expect(split.body).toEqual({ name: 'iris', weights: { '1': 1, '2': 1 } })

    const servedBy = async (requestId: string) =>
      (await app.http.post('/v1/models/iris:predict').set('x-request-id', requestId).send(flower).expect(200))
        .headers['x-model-version']
    const versions = await Promise.all(Array.from({ length: 200 }, (_, n) => servedBy(`request-${n}`)))
    const servedBy1 = versions.filter((version) => version === '1').length

    expect(servedBy1).toBeGreaterThan(60)
    expect(200 - servedBy1).toBeGreaterThan(60)
    const again = await Promise.all(Array.from({ length: 20 }, (_, n) => servedBy(`request-${n}`)))
    expect(again).toEqual(versions.slice(0, 20))
  })

  it('refuses a split it cannot serve, naming why, and keeps the one it has', async () => {
    const unknown = await app.http.put('/v2/repository/models/iris/traffic').send({ weights: { '7': 1 } })
    const nothing = await app.http.put('/v2/repository/models/iris/traffic').send({ weights: { '1': 0 } })
    const negative = await app.http.put('/v2/repository/models/iris/traffic').send({ weights: { '1': -1 } })
    const absent = await app.http.post('/v2/repository/models/wine/load')

    expect([unknown.status, unknown.body.code]).toEqual([404, 'MODEL.VERSION_NOT_FOUND'])
    expect([nothing.status, nothing.body.code]).toEqual([422, 'TRAFFIC.SPLIT_INVALID'])
    expect(negative.status).toBe(400)
    expect([absent.status, absent.body.code]).toEqual([404, 'MODEL.NOT_IN_REPOSITORY'])
    const { body } = await app.http.get('/v2/repository/models/iris/traffic').expect(200)
    expect(body.weights).toEqual({ '1': 1, '2': 1 })
  })

  it('unloads a version only once the requests in flight on it are answered, then serves the others', async () => {
    let lastAnsweredAt = 0
    const inFlight = Array.from({ length: 30 }, () =>
      app.http
        .post('/v1/models/iris/versions/2:predict')
        .send(flower)
        .then((response) => {
          lastAnsweredAt = performance.now()
          return response
        }),
    )
    await new Promise((resolve) => setTimeout(resolve, 30))
    const unloaded = app.http
      .post('/v2/repository/models/iris/unload')
      .send({ parameters: { version: '2' } })
      .then((response) => ({ status: response.status, at: performance.now() }))

    const answers = await Promise.all(inFlight)
    const unload = await unloaded
    expect(unload.status).toBe(200)
    expect(unload.at).toBeGreaterThanOrEqual(lastAnsweredAt)
    expect(answers.map((answer) => [answer.status, answer.headers['x-model-version']])).toEqual(
      answers.map(() => [200, '2']),
    )
    expect(answers.every((answer) => answer.body.predictions[0].class === 'setosa')).toBe(true)

    const gone = await app.http.post('/v1/models/iris/versions/2:predict').send(flower)
    expect([gone.status, gone.body.code]).toEqual([404, 'MODEL.VERSION_NOT_FOUND'])
    expect((await index())[1]).toEqual({
      name: 'iris',
      version: '2',
      state: 'UNAVAILABLE',
      reason: 'not loaded',
    })
    const { body: traffic } = await app.http.get('/v2/repository/models/iris/traffic').expect(200)
    expect(traffic.weights).toEqual({ '1': 1 })
    const routed = await app.http.post('/v1/models/iris:predict').send(flower).expect(200)
    expect(routed.headers['x-model-version']).toBe('1')
    await app.http.get('/health/ready').expect(200)
  })
})

describe('the model repository with model control off, as by default', () => {
  let app: RunningApp

  beforeAll(async () => {
    app = await startApp({ MODELS: 'iris:1' })
  })
  afterAll(() => app?.close())

  it('lists the repository, and refuses to load, unload or split, saying how to allow it', async () => {
    await app.http.post('/v2/repository/index').expect(200)
    const refusals = await Promise.all([
      app.http.post('/v2/repository/models/iris/load'),
      app.http.post('/v2/repository/models/iris/unload'),
      app.http.put('/v2/repository/models/iris/traffic').send({ weights: { '1': 1 } }),
    ])

    for (const refused of refusals) {
      expect([refused.status, refused.body.code]).toEqual([409, 'MODEL.CONTROL_DISABLED'])
      expect(refused.body.detail).toContain('MODEL_CONTROL_MODE=explicit')
    }
    await app.http.post('/predict').send(flower).expect(200)
  })
})
