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

    expect(response.body.openapi).toMatch(/^3\./)
    expect(response.body.info.title).toBeTruthy()
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/health/live', '/health/ready', '/health']),
    )
    expect(response.body.components.schemas.Problem).toBeDefined()
  })

  it('serves a browsable UI', async () => {
    const response = await app.http.get('/docs').redirects(1).expect(200)

    expect(response.text).toContain('<html')
  })
})
