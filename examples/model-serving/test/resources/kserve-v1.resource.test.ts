import { describe, expect, it } from 'vitest'
import { appUnderTest } from '../support/http.js'
import { trainingReference } from '../support/models.js'

const setosa = [5.1, 3.5, 1.4, 0.2]

describe('KServe V1', () => {
  const app = appUnderTest()

  it('lists the served models', async () => {
    const response = await app.http.get('/v1/models').expect(200)

    expect(response.body).toEqual({ models: ['iris'] })
  })

  it('says a model is ready', async () => {
    const response = await app.http.get('/v1/models/iris').expect(200)

    expect(response.body).toEqual({ name: 'iris', ready: true })
  })

  it('predicts with the latest version of a model', async () => {
    const reference = await trainingReference(2)

    const response = await app.http
      .post('/v1/models/iris:predict')
      .send({ instances: reference.inputs })
      .expect(200)

    const classes = response.body.predictions.map((prediction: { label: number }) => prediction.label)
    expect(classes).toEqual(reference.labels)
  })

  it('predicts with the version named in the path', async () => {
    const reference = await trainingReference(1)

    const response = await app.http
      .post('/v1/models/iris/versions/1:predict')
      .send({ instances: reference.inputs })
      .expect(200)

    const probabilities = response.body.predictions.map((prediction: { probabilities: number[] }) =>
      prediction.probabilities.map((p) => Number(p.toFixed(4))),
    )
    expect(probabilities).toEqual(reference.probabilities.map((row) => row.map((p) => Number(p.toFixed(4)))))
  })

  it('answers an unknown model, and an unknown version, with 404 naming what is served', async () => {
    const model = await app.http
      .post('/v1/models/cifar:predict')
      .send({ instances: [setosa] })
      .expect(404)
    const version = await app.http
      .post('/v1/models/iris/versions/3:predict')
      .send({ instances: [setosa] })
      .expect(404)
    const readiness = await app.http.get('/v1/models/cifar').expect(404)

    expect(model.body).toMatchObject({
      code: 'MODEL.NOT_FOUND',
      detail: 'model "cifar" is not served here; served: iris',
    })
    expect(version.body).toMatchObject({
      code: 'MODEL.VERSION_NOT_FOUND',
      detail: 'model "iris" has no version "3"; served versions: 1, 2',
    })
    expect(readiness.body.code).toBe('MODEL.NOT_FOUND')
  })

  it('answers another verb than predict with 404', async () => {
    await app.http
      .post('/v1/models/iris:explain')
      .send({ instances: [setosa] })
      .expect(404)
  })

  it('refuses an instance that does not fit, naming it', async () => {
    const response = await app.http
      .post('/v1/models/iris:predict')
      .send({ instances: [setosa, { input: [1, 2, 3] }] })
      .expect(400)

    expect(response.body.detail).toBe('instance 1: input "input": expected shape [4], got [3]')
  })
})
