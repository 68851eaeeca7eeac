import { describe, expect, it } from 'vitest'
import { appUnderTest } from '../support/http.js'

describe('SageMaker', () => {
  const app = appUnderTest()

  it('answers /ping once the models are ready', async () => {
    const response = await app.http.get('/ping').expect(200)

    expect(response.body).toEqual({ status: 'ready' })
  })

  it('predicts a JSON body of instances with the default model', async () => {
    const response = await app.http
      .post('/invocations')
      .send({ instances: [[5.1, 3.5, 1.4, 0.2]] })
      .expect(200)

    expect(response.body.predictions[0].class).toBe('setosa')
  })

  it('predicts CSV, one instance per line', async () => {
    const response = await app.http
      .post('/invocations')
      .set('content-type', 'text/csv')
      .send('5.1,3.5,1.4,0.2\r\n6.7, 3.1, 4.4, 1.4\n\n')
      .expect(200)

    expect(response.body.predictions.map((prediction: { class: string }) => prediction.class)).toEqual([
      'setosa',
      'versicolor',
    ])
  })

  it('refuses a CSV line that does not fit, naming the instance and the cell', async () => {
    const response = await app.http
      .post('/invocations')
      .set('content-type', 'text/csv')
      .send('5.1,3.5,1.4,0.2\n6.7,,4.4,1.4\n')
      .expect(400)

    expect(response.body.detail).toBe('instance 1: input "input" at [1]: "" is a string, not a number')
  })

  it('refuses a media type it does not read', async () => {
    await app.http.post('/invocations').set('content-type', 'application/x-npy').send('x').expect(415)
  })
})
