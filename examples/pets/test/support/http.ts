import type { AddressInfo } from 'node:net'
import { Registry } from 'prom-client'
import supertest from 'supertest'
import { buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/config/load-config.js'
import type { ServerOptions } from '../../src/web/server.js'
import type { TestDatabase } from './test-database.js'

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
