import type { AddressInfo } from 'node:net'
import { Registry } from 'prom-client'
import supertest from 'supertest'
import { afterAll, beforeAll, vi } from 'vitest'
import { type AppDependencies, buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/config/load-config.js'
import type { ServerOptions } from '../../src/web/server.js'

export interface RunningApp {
  readonly http: ReturnType<typeof supertest.agent>
  readonly baseUrl: string
  close(): Promise<void>
}

export interface StartOptions {
  readonly dependencies?: AppDependencies
  /** Wait for /health/ready before answering (the default), or start while the models still load. */
  readonly waitForModels?: boolean
}

/**
 * The options the server gets from a configuration made of `env`, as app.ts passes them; of the
 * platforms' probes, only the Vertex AI health route, since no protocol's routes are registered.
 */
export function serverOptions(env: Record<string, string> = {}): ServerOptions {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env })
  return {
    ...config.http,
    logLevel: config.log.level,
    logRequests: config.log.requests,
    api: { title: 'test', version: '1.0.0', description: '' },
    metrics: new Registry(),
    probePaths: [config.vertex.healthRoute],
  }
}

/**
 * The real app on a real socket (an ephemeral port on loopback), configured the way an operator
 * would: through environment variables. By default it serves the models shipped in models/.
 */
export async function startApp(
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<RunningApp> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env })
  const app = await buildApp(config, options.dependencies)
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as AddressInfo
  const baseUrl = `http://127.0.0.1:${port}`
  const http = supertest.agent(baseUrl)
  if (options.waitForModels ?? true) await modelsLoaded(http)
  return { http, baseUrl, close: () => app.close() }
}

/** Loading a model takes milliseconds; the wait only gives a slow machine room. */
export async function modelsLoaded(http: RunningApp['http']): Promise<void> {
  await vi.waitFor(
    async () => {
      const { status } = await http.get('/health/ready')
      if (status !== 200) throw new Error(`not ready yet: ${status}`)
    },
    { timeout: 10_000, interval: 10 },
  )
}

/**
 * The app of the enclosing describe block, configured by `env`: started (models loaded) before
 * its tests and closed after them, so a test file says only what it tests.
 */
export function appUnderTest(env: Record<string, string> = {}, options: StartOptions = {}): RunningApp {
  let app: RunningApp | undefined
  beforeAll(async () => {
    app = await startApp(env, options)
  })
  afterAll(() => app?.close())
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
    close: () => started().close(),
  }
}
