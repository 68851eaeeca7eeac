import { describe, expect, it } from 'vitest'
import { appUnderTest } from '../support/http.js'

describe('API documentation', () => {
  const app = appUnderTest({
    AIP_PREDICT_ROUTE: '/v1/endpoints/e/deployedModels/m:predict',
    AIP_HEALTH_ROUTE: '/hc',
  })

  it('serves an OpenAPI 3 document describing every protocol, as clients write the paths', async () => {
    const response = await app.http.get('/docs/json').expect(200)

    expect(response.body.openapi).toMatch(/^3\./)
    expect(response.body.info.title).toBe('model-serving')
    expect(Object.keys(response.body.paths).sort()).toEqual(
      [
        '/health/live',
        '/health/ready',
        '/health',
        '/hc',
        '/metrics',
        '/v1/endpoints/e/deployedModels/m:predict',
        '/v1/models',
        '/v1/models/{name}',
        '/v1/models/{name}:predict',
        '/v1/models/{name}/versions/{version}:predict',
        '/v2',
        '/v2/health/live',
        '/v2/health/ready',
        '/v2/models/{name}',
        '/v2/models/{name}/ready',
        '/v2/models/{name}/infer',
        '/v2/models/{name}/versions/{version}',
        '/v2/models/{name}/versions/{version}/ready',
        '/v2/models/{name}/versions/{version}/infer',
        '/v2/repository/index',
        '/v2/repository/models/{name}/load',
        '/v2/repository/models/{name}/unload',
        '/v2/repository/models/{name}/traffic',
        '/ping',
        '/invocations',
      ].sort(),
    )
    expect(response.body.components.schemas.Problem).toBeDefined()
  })

  it('documents the bodies and the problems of a prediction route', async () => {
    const { body } = await app.http.get('/docs/json').expect(200)
    const predict = body.paths['/v1/models/{name}:predict'].post

    expect(predict.requestBody.content['application/json'].schema.properties.instances.maxItems).toBe(1_000)
    expect(Object.keys(predict.responses)).toEqual(['200', '400', '404', '413', '414', '415', '503'])
  })

  it('documents on every route the problems any request may meet', async () => {
    const { body } = await app.http.get('/docs/json').expect(200)

    expect(Object.keys(body.paths['/v1/models'].get.responses)).toEqual(['200', '503'])
    expect(body.paths['/v2'].get.responses['503'].content['application/problem+json']).toBeDefined()
  })

  it('serves a browsable UI', async () => {
    const response = await app.http.get('/docs').redirects(1).expect(200)

    expect(response.text).toContain('<html')
  })
})
