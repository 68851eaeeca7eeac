import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningApp, startApp } from '../support/http.js'

const setosa = [5.1, 3.5, 1.4, 0.2]
const virginica = [7.7, 3.0, 6.1, 2.3]

describe('metrics', () => {
  let app: RunningApp
  let metrics = ''

  beforeAll(async () => {
    app = await startApp()
    await app.http
      .post('/predict')
      .send({ instances: [setosa, setosa, virginica] })
      .expect(200)
    await app.http
      .post('/v1/models/iris/versions/1:predict')
      .send({ instances: [virginica] })
      .expect(200)
    await app.http
      .post('/predict')
      .send({ instances: [[1, 2]] })
      .expect(400)
    const response = await app.http
      .get('/metrics')
      .expect(200)
      .expect('content-type', /^text\/plain/)
    metrics = response.text
  })
  afterAll(() => app?.close())

  it('counts the predicted classes per model and version, so drift shows', () => {
    expect(metrics).toContain('model_predicted_class_total{model="iris",version="2",class="setosa"} 2')
    expect(metrics).toContain('model_predicted_class_total{model="iris",version="2",class="virginica"} 1')
    expect(metrics).toContain('model_predicted_class_total{model="iris",version="1",class="virginica"} 1')
  })

  it('shows the size of each batch and how long the model took, the warm-up left out', () => {
    expect(metrics).toContain('model_batch_size_sum{model="iris",version="2"} 3')
    expect(metrics).toContain('model_batch_size_count{model="iris",version="2"} 1')
    expect(metrics).toContain('model_inference_duration_seconds_count{model="iris",version="1"} 1')
  })

  it('times every request by route as written, method and status', () => {
    expect(metrics).toContain(
      'http_request_duration_seconds_count{method="POST",route="/predict",status_code="200"} 1',
    )
    expect(metrics).toContain(
      'http_request_duration_seconds_count{method="POST",route="/predict",status_code="400"} 1',
    )
    expect(metrics).toContain(
      'http_request_duration_seconds_count{method="POST",route="/v1/models/:name/versions/:version:predict",status_code="200"} 1',
    )
  })

  it('keeps each app to its own numbers', async () => {
    const other = await startApp()
    try {
      const response = await other.http.get('/metrics').expect(200)

      expect(response.text).not.toContain('model_predicted_class_total{')
    } finally {
      await other.close()
    }
  })

  it('includes the process metrics', () => {
    expect(metrics).toContain('process_cpu_seconds_total')
    expect(metrics).toContain('nodejs_eventloop_lag_seconds')
  })
})
