import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createConfig, lintFromString } from '@redocly/openapi-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startIdentityProvider } from '../../template/test/support/identity-provider.js'
import { repositoryRoot, runAnatomy } from '../support/run.js'
import { generatedService } from '../support/service-folder.js'

interface ServiceModules {
  buildApp(config: object): Promise<{
    listen(options: object): Promise<string>
    server: { address(): unknown }
    close(): Promise<void>
  }>
  loadConfig(env: Record<string, string>): object
}

/** The OpenAPI document the service at `root` serves, configured by `env`. */
async function documentOf(root: string, env: Record<string, string>): Promise<string> {
  const from = (file: string) => import(pathToFileURL(join(root, 'src', file)).href)
  const { buildApp, loadConfig } = {
    ...(await from('app.ts')),
    ...(await from('config/load-config.ts')),
  } as ServiceModules
  const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent', PGLITE_DATA_DIR: 'memory://', ...env }))
  try {
    await app.listen({ host: '127.0.0.1', port: 0 })
    const { port } = app.server.address() as AddressInfo
    return await (await fetch(`http://127.0.0.1:${port}/docs/json`)).text()
  } finally {
    await app.close()
  }
}

/**
 * Every service's OpenAPI document under Redocly's `recommended` ruleset, as a strict linter
 * reads it: no error, with authentication on (each operation's security and scopes) and off.
 */
describe('the OpenAPI documents, linted by Redocly', () => {
  let provider: Awaited<ReturnType<typeof startIdentityProvider>>
  let generated: string

  beforeAll(async () => {
    provider = await startIdentityProvider('lint')
    generated = await generatedService('shop')
    for (const args of [
      ['add', 'resource', 'person', '--fields', 'name:string'],
      ['add', 'resource', 'visit', '--fields', 'at:datetime,kind:enum(first|follow-up),guest:ref(person)'],
    ]) {
      const added = await runAnatomy([...args, '--yes', '--service', generated])
      expect(added.code, added.stderr).toBe(0)
    }
  }, 120_000)
  afterAll(() => provider?.stop())

  const services = () => [
    ['template', join(repositoryRoot, 'template')],
    ['examples/pets', join(repositoryRoot, 'examples/pets')],
    ['examples/pet-profiles', join(repositoryRoot, 'examples/pet-profiles')],
    ['examples/model-serving', join(repositoryRoot, 'examples/model-serving')],
    ['a generated service with two resources', generated],
  ]

  it.each([
    ['with authentication', true],
    ['without', false],
  ])('reports 0 errors for every service %s', { timeout: 120_000 }, async (_case, secured) => {
    const config = await createConfig({ extends: ['recommended'] })
    for (const [name, root] of services()) {
      const document = await documentOf(root as string, secured ? provider.settings : {})
      const problems = await lintFromString({ source: document, absoluteRef: `${name}/openapi.json`, config })
      const errors = problems.filter((problem) => problem.severity === 'error')
      expect(
        errors.map((error) => `${error.ruleId} at ${error.location[0]?.pointer}: ${error.message}`),
        name as string,
      ).toEqual([])
      if (secured && name !== 'examples/model-serving' && name !== 'template') {
        expect(document, name as string).toContain('"securitySchemes"')
      }
    }
  })
})
