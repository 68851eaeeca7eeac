import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

interface ServiceModules {
  buildApp(config: object): Promise<{
    listen(options: object): Promise<string>
    server: { address(): unknown }
    close(): Promise<void>
  }>
  loadConfig(env: Record<string, string>): object
}

/**
 * The service at `root` (its own app.ts and config, from source) in this process, on a real socket,
 * configured by `env` on an embedded database in memory: `use` gets its base URL, then it closes.
 */
export async function withServiceAt<T>(
  root: string,
  env: Record<string, string>,
  use: (baseUrl: string) => Promise<T>,
): Promise<T> {
  const from = (file: string) => import(pathToFileURL(join(root, 'src', file)).href)
  const { buildApp, loadConfig } = {
    ...(await from('app.ts')),
    ...(await from('config/load-config.ts')),
  } as ServiceModules
  const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent', PGLITE_DATA_DIR: 'memory://', ...env }))
  try {
    await app.listen({ host: '127.0.0.1', port: 0 })
    const { port } = app.server.address() as AddressInfo
    return await use(`http://127.0.0.1:${port}`)
  } finally {
    await app.close()
  }
}
