import { join } from 'node:path'
import { createConfig, lintFromString } from '@redocly/openapi-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startIdentityProvider } from '../../template/test/support/identity-provider.js'
import { withServiceAt } from '../support/in-process-service.js'
import { repositoryRoot, runAnatomy } from '../support/run.js'
import { generatedService } from '../support/service-folder.js'

/** The OpenAPI document the service at `root` serves, configured by `env`. */
function documentOf(root: string, env: Record<string, string>): Promise<string> {
  return withServiceAt(root, env, async (baseUrl) => (await fetch(`${baseUrl}/docs/json`)).text())
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
