import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Parser } from '@asyncapi/parser'
import { describe, expect, it } from 'vitest'
import { repositoryRoot } from '../support/run.js'

interface ServiceModules {
  buildApp(config: object): Promise<{
    listen(options: object): Promise<string>
    server: { address(): unknown }
    close(): Promise<void>
  }>
  loadConfig(env: Record<string, string>): object
}

async function modulesOf(service: string): Promise<ServiceModules> {
  const from = (file: string) => import(pathToFileURL(join(repositoryRoot, service, 'src', file)).href)
  return { ...(await from('app.ts')), ...(await from('config/load-config.ts')) }
}

/**
 * The AsyncAPI document each service serves, checked by the AsyncAPI Initiative's own parser
 * (its schema and its Spectral rules): no error, and for pets every queue and event it has.
 */
describe.each(['template', 'examples/pets'])('the AsyncAPI document of %s', (service) => {
  it('is valid AsyncAPI 3, and lists what the service consumes and publishes', {
    timeout: 60_000,
  }, async () => {
    const { buildApp, loadConfig } = await modulesOf(service)
    const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent', PGLITE_DATA_DIR: 'memory://' }))
    try {
      await app.listen({ host: '127.0.0.1', port: 0 })
      const { port } = app.server.address() as AddressInfo
      const response = await fetch(`http://127.0.0.1:${port}/docs/asyncapi.json`)
      expect(response.status).toBe(200)
      const text = await response.text()

      const { document, diagnostics } = await new Parser().parse(text)
      const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 0)
      expect(errors.map((error) => `${error.path.join('.')}: ${error.message}`)).toEqual([])
      expect(document?.version()).toBe('3.0.0')
      if (service !== 'examples/pets') return
      const operations = document?.operations().all() ?? []
      expect(
        operations.map((operation) => [operation.action(), operation.channels().all()[0]?.address()]),
      ).toEqual([
        ['receive', 'pets.adoption-requests'],
        ['send', 'pet.adopted'],
      ])
    } finally {
      await app.close()
    }
  })
})
