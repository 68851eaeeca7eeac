import { join } from 'node:path'
import { Parser } from '@asyncapi/parser'
import { describe, expect, it } from 'vitest'
import { withServiceAt } from '../support/in-process-service.js'
import { repositoryRoot } from '../support/run.js'

/**
 * The AsyncAPI document each service serves, checked by the AsyncAPI Initiative's own parser
 * (its schema and its Spectral rules): no error, and for pets every queue and event it has.
 */
describe.each(['template', 'examples/pets'])('the AsyncAPI document of %s', (service) => {
  it('is valid AsyncAPI 3, and lists what the service consumes and publishes', {
    timeout: 60_000,
  }, async () => {
    const text = await withServiceAt(join(repositoryRoot, service), {}, async (baseUrl) => {
      const response = await fetch(`${baseUrl}/docs/asyncapi.json`)
      expect(response.status).toBe(200)
      return response.text()
    })

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
  })
})
