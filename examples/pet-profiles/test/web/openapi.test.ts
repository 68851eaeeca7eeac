import type { OpenAPIV3_1 } from 'openapi-types'
import { describe, expect, it } from 'vitest'
import { appUnderTest } from '../support/http.js'

describe('API documentation', () => {
  const app = appUnderTest('pglite')

  it('serves an OpenAPI 3 document describing every route', async () => {
    const response = await app.http.get('/docs/json').expect(200)
    const document: OpenAPIV3_1.Document = response.body

    expect(document.openapi).toMatch(/^3\./)
    expect(document.info.title).toBeTruthy()
    expect(Object.keys(document.paths ?? {})).toEqual(
      expect.arrayContaining(['/health/live', '/health/ready', '/health']),
    )
    expect(document.components?.schemas?.Problem).toBeDefined()
  })

  it('serves a browsable UI', async () => {
    const response = await app.http.get('/docs').redirects(1).expect(200)

    expect(response.text).toContain('<html')
  })
})
