import { describe, expect, it } from 'vitest'
import { appUnderTest } from '../support/http.js'
import { irisLabels } from '../support/models.js'

const setosa = [5.1, 3.5, 1.4, 0.2]
const versicolor = [6.7, 3.1, 4.4, 1.4]

describe('Vertex AI, on the routes Vertex names', () => {
  const app = appUnderTest({
    AIP_PREDICT_ROUTE: '/v1/endpoints/e/deployedModels/m:predict',
    AIP_HEALTH_ROUTE: '/hc',
    MAX_INSTANCES_PER_REQUEST: '40000',
  })

  it('predicts the class and the probabilities of each instance, in order', async () => {
    const response = await app.http
      .post('/v1/endpoints/e/deployedModels/m:predict')
      .send({ instances: [setosa, versicolor], parameters: { confidence: 0.5 } })
      .expect(200)

    expect(response.body).toEqual({
      predictions: [
        { class: 'setosa', probabilities: expect.any(Array), label: 0 },
        { class: 'versicolor', probabilities: expect.any(Array), label: 1 },
      ],
    })
    const probabilities: number[] = response.body.predictions[0].probabilities
    expect(probabilities).toHaveLength(irisLabels.length)
    expect(probabilities.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 5)
  })

  it('answers its health route once the models are ready', async () => {
    const response = await app.http.get('/hc').expect(200)

    expect(response.body.status).toBe('ready')
  })

  it('takes the route literally: another deployed model is another route', async () => {
    await app.http
      .post('/v1/endpoints/e/deployedModels/other:predict')
      .send({ instances: [setosa] })
      .expect(404)
  })

  it('refuses an instance of the wrong shape, naming it and the expected shape', async () => {
    const response = await app.http
      .post('/v1/endpoints/e/deployedModels/m:predict')
      .send({ instances: [[1, 2]] })
      .expect(400)
      .expect('content-type', /application\/problem\+json/)

    expect(response.body).toMatchObject({
      code: 'PREDICTION.INSTANCE_INVALID',
      detail: 'instance 0: input "input": expected shape [4], got [2]',
      error: 'instance 0: input "input": expected shape [4], got [2]',
    })
  })

  it('refuses a string among the numbers, naming the instance and the position', async () => {
    const response = await app.http
      .post('/v1/endpoints/e/deployedModels/m:predict')
      .send({ instances: [setosa, [6.7, 'wide', 4.4, 1.4]] })
      .expect(400)

    expect(response.body.detail).toBe('instance 1: input "input" at [1]: "wide" is a string, not a number')
  })

  it('refuses a body without instances, or with none', async () => {
    await app.http
      .post('/v1/endpoints/e/deployedModels/m:predict')
      .send({ inputs: [setosa] })
      .expect(400)
    await app.http.post('/v1/endpoints/e/deployedModels/m:predict').send({ instances: [] }).expect(400)
  })

  it('takes a body of 1.5 MB, the most Vertex AI sends', async () => {
    const instances = Array.from({ length: 30_000 }, () => [
      5.123456789, 3.523456789, 1.423456789, 0.223456789,
    ])
    const body = JSON.stringify({ instances })
    expect(body.length).toBeGreaterThan(1_500_000)

    const response = await app.http
      .post('/v1/endpoints/e/deployedModels/m:predict')
      .set('content-type', 'application/json')
      .send(body)
      .expect(200)

    expect(response.body.predictions).toHaveLength(30_000)
  })
})

describe('Vertex AI, on the default routes', () => {
  const app = appUnderTest({ MODELS: 'iris:1' })

  it('predicts on /predict with the model version the deployment names', async () => {
    const response = await app.http
      .post('/predict')
      .send({ instances: [setosa] })
      .expect(200)

    expect(response.body.predictions[0].class).toBe('setosa')
  })

  it('answers /health', async () => {
    await app.http.get('/health').expect(200)
  })
})

describe('Vertex AI, on routes another protocol serves already', () => {
  const app = appUnderTest({ AIP_PREDICT_ROUTE: '/invocations', AIP_HEALTH_ROUTE: '/health/ready' })

  it('starts, and those routes answer as Vertex AI expects', async () => {
    const response = await app.http
      .post('/invocations')
      .send({ instances: [setosa] })
      .expect(200)
    await app.http.get('/health/ready').expect(200)

    expect(response.body.predictions[0].class).toBe('setosa')
  })
})
