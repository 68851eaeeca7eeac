import type { AddressInfo } from 'node:net'
import supertest from 'supertest'
import { vi } from 'vitest'
import { type AppDependencies, buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/config/load-config.js'

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
