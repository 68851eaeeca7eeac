import type { OpenAPIV3_1 } from 'openapi-types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningApp, startApp } from '../support/http.js'
import { openTestDatabase, type TestDatabase } from '../support/test-database.js'

describe('API documentation', () => {
  let database: TestDatabase
  let app: RunningApp

  beforeAll(async () => {
    database = await openTestDatabase('pglite')
    app = await startApp(database)
  })
  afterAll(async () => {
    await app?.close()
    await database?.close()
  })

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
