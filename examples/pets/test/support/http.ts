import type { AddressInfo } from 'node:net'
import { Registry } from 'prom-client'
import supertest from 'supertest'
import { afterAll, beforeAll } from 'vitest'
import { buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/config/load-config.js'
import type { ServerOptions } from '../../src/web/server.js'
import { type Engine, openTestDatabase, type TestDatabase } from './test-database.js'

export interface RunningApp {
  readonly http: ReturnType<typeof supertest.agent>
  readonly baseUrl: string
  close(): Promise<void>
}

/** The options the server gets from a configuration made of `env`, as app.ts passes them. */
export function serverOptions(env: Record<string, string> = {}): ServerOptions {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env })
  return {
    ...config.http,
    logLevel: config.log.level,
    logRequests: config.log.requests,
    metrics: new Registry(),
    api: { title: 'test', version: '1.0.0', description: '' },
  }
}

/**
 * The real app on a real socket (an ephemeral port on loopback), configured the way an operator
 * would: through environment variables.
 */
export async function startApp(
  database: TestDatabase | undefined,
  env: Record<string, string> = {},
): Promise<RunningApp> {
  // A test never writes to the data folder of npm run dev.
  const config = loadConfig({ LOG_LEVEL: 'silent', PGLITE_DATA_DIR: 'memory://', ...env })
  const app = await buildApp(config, database ? { database } : {})
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as AddressInfo
  const baseUrl = `http://127.0.0.1:${port}`
  return { http: supertest.agent(baseUrl), baseUrl, close: () => app.close() }
}

export interface AppUnderTest extends RunningApp {
  /** The app's own database, migrated: truncate it between tests that need a clean slate. */
  readonly database: TestDatabase
}

/**
 * The app of the enclosing describe block, on a database of its own on `engine` (or, with none,
 * on the one `env` configures; `env` may be worked out first, as when it names a server the test
 * starts): started before its tests and closed after them, so a test file says only what it tests.
 */
export function appUnderTest(
  engine: Engine | undefined,
  env: Record<string, string> | (() => Promise<Record<string, string>>) = {},
): AppUnderTest {
  let database: TestDatabase | undefined
  let app: RunningApp | undefined
  beforeAll(async () => {
    database = engine && (await openTestDatabase(engine))
    app = await startApp(database, typeof env === 'function' ? await env() : env)
  })
  afterAll(async () => {
    await app?.close()
    await database?.close()
  })
  const started = () => {
    if (!app) throw new Error('the app starts in beforeAll: use it inside a test or hook')
    return app
  }
  return {
    get http() {
      return started().http
    },
    get baseUrl() {
      return started().baseUrl
    },
    get database() {
      if (!database) throw new Error('this app opened the database its environment configures')
      return database
    },
    close: () => started().close(),
  }
}
