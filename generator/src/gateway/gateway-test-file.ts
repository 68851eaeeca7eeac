import type { GatewayModel, PortMethod } from './gateway-model.js'
import type { JsonSchema } from './remote-document.js'
import { NoSample, sampleOf } from './sample-value.js'

interface MethodSamples {
  readonly arguments: readonly unknown[]
  readonly route: string
  readonly answer?: unknown
}

/**
 * The gateway's tests, against a real server that answers as the remote would and then as it
 * should not: each port method reads the remote's answer, and turns its refusals and failures
 * into the domain's errors. Values come from the document's examples, or the plainest that fit.
 */
export function gatewayTestOf(model: GatewayModel): string {
  const { names, remote } = model
  const untested: string[] = []
  const errorsUsed = new Set<string>()
  const blocks: string[] = []
  for (const method of model.methods) {
    try {
      blocks.push(...testsOf(method, samplesOf(method, model.document.resolve), names.Port, errorsUsed))
    } catch (error) {
      if (!(error instanceof NoSample)) throw error
      untested.push(`${method.operation.id} (${error.message})`)
    }
  }
  const imports = [
    `import { afterEach, describe, expect, it } from 'vitest'`,
    `import { createRemoteClient, type RemoteClient } from '../../src/clients/http/remote-client.js'`,
    `import type { RemoteSettings } from '../../src/clients/http/remote-settings.js'`,
    `import { DependencyUnavailableError } from '../../src/domain/errors.js'`,
    errorsUsed.size > 0
      ? `import { ${[...errorsUsed].join(', ')} } from '../../src/domain/${names.kebab}/${names.kebab}.errors.js'`
      : '',
    `import { create${names.Port}Gateway } from '../../src/gateways/${names.kebab}.gateway.js'`,
    `import { type Behaviour, ${blocks.some((block) => block.includes('empty(')) ? 'empty, ' : ''}json, unreliableRemote } from '../support/unreliable-remote.js'`,
  ]
  return [
    ...imports.filter((line) => line !== ''),
    '',
    `const settings: Omit<RemoteSettings, 'baseUrl'> = {`,
    '  connectTimeoutMs: 500,',
    '  timeoutMs: 2_000,',
    '  retries: 0,',
    '  maxResponseBytes: 1_048_576,',
    '  circuitFailures: 5,',
    '  circuitHalfOpenAfterMs: 1_000,',
    '}',
    `const problem = (status: number, detail: string) => ({ type: 'about:blank', title: 'Refused', status, detail })`,
    '',
    `describe('the ${names.label} gateway, against a server answering as the ${remote.label} does', () => {`,
    `  let remote: Awaited<ReturnType<typeof unreliableRemote>> | undefined`,
    '  let client: RemoteClient | undefined',
    '',
    '  afterEach(async () => {',
    '    await client?.close()',
    '    await remote?.close()',
    '  })',
    '',
    '  /** The gateway over a remote that answers `route` as `behaviour` says, and nothing else. */',
    '  async function gatewayAnswering(route: string, behaviour: Behaviour) {',
    '    remote = await unreliableRemote({ [route]: behaviour })',
    `    client = createRemoteClient('${remote.kebab}', { ...settings, baseUrl: remote.url })`,
    `    return create${names.Port}Gateway(client)`,
    '  }',
    ...(untested.length > 0
      ? [
          '',
          `  // No values could be made up for: ${untested.join('; ')}. Test them with values of your own.`,
        ]
      : []),
    '',
    blocks.join('\n\n'),
    '})',
    '',
  ].join('\n')
}

function samplesOf(method: PortMethod, resolve: (schema: JsonSchema) => JsonSchema): MethodSamples {
  const { operation } = method
  const values = method.arguments.map((argument) => {
    if (argument.place === 'path') {
      const parameter = operation.pathParameters.find((each) => each.name === argument.remoteName)
      return sampleOf(parameter?.schema ?? {}, resolve)
    }
    if (argument.place === 'query' || argument.place === 'headers') {
      const parameters = argument.place === 'query' ? operation.queryParameters : operation.headerParameters
      const required = parameters.filter((parameter) => parameter.required)
      if (required.length === 0) return undefined
      return Object.fromEntries(
        required.map((parameter) => [parameter.name, sampleOf(parameter.schema, resolve)]),
      )
    }
    return sampleOf(operation.body?.schema ?? {}, resolve)
  })
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const index = method.arguments.findIndex(
      (argument) => argument.place === 'path' && argument.remoteName === name,
    )
    return encodeURIComponent(String(values[index]))
  })
  const schema = operation.success?.schema
  return {
    arguments: trimmed(values),
    route: `${operation.method} ${path}`,
    ...(schema ? { answer: sampleOf(schema, resolve) } : {}),
  }
}

/** Optional arguments left out at the end of the list. */
function trimmed(values: readonly unknown[]): unknown[] {
  const kept = [...values]
  while (kept.length > 0 && kept.at(-1) === undefined) kept.pop()
  return kept
}

function testsOf(
  method: PortMethod,
  samples: MethodSamples,
  Port: string,
  errorsUsed: Set<string>,
): string[] {
  const { operation } = method
  const call = `gateway.${operation.id}(${samples.arguments.map((value) => JSON.stringify(value) ?? 'undefined').join(', ')})`
  const route = JSON.stringify(samples.route)
  const success = operation.success?.status
  const statuses = operation.statuses
  const tests: string[] = []
  const test = (title: string, behaviour: string, expectation: string) =>
    tests.push(
      [
        `  it(${JSON.stringify(`${operation.id}: ${title}`)}, async () => {`,
        `    const gateway = await gatewayAnswering(${route}, ${behaviour})`,
        '',
        `    ${expectation}`,
        '  })',
      ].join('\n'),
    )
  if (success !== undefined) {
    if (method.result === 'void') {
      test(
        `reads the remote's ${success} as done`,
        `empty(${success})`,
        `await expect(${call}).resolves.toBeUndefined()`,
      )
    } else if ('answer' in samples) {
      const answer = JSON.stringify(samples.answer)
      test(
        `reads the remote's answer as the domain's ${method.result}`,
        `json(${success}, ${answer})`,
        `await expect(${call}).resolves.toEqual(${answer})`,
      )
      const wrong = typeof samples.answer === 'number' ? '"forty-two"' : '42'
      test(
        'takes an answer its document does not allow for a remote that is unavailable',
        `json(${success}, ${wrong})`,
        `await expect(${call}).rejects.toThrow(DependencyUnavailableError)`,
      )
    }
  }
  const refusal = (status: number, kind: string, title: string) => {
    if (!statuses.includes(status)) return
    errorsUsed.add(`${Port}${kind}`)
    test(
      title,
      `json(${status}, problem(${status}, 'the remote says why'))`,
      [
        `const refused = ${call}`,
        `    await expect(refused).rejects.toThrow(${Port}${kind})`,
        `    await expect(refused).rejects.toThrow('the remote says why')`,
      ].join('\n'),
    )
  }
  refusal(404, 'NotFound', `takes the remote's 404 for the domain's not found`)
  refusal(409, 'Conflict', `takes the remote's 409 for the domain's conflict`)
  const refused = statuses.find((status) => [400, 422].includes(status))
  if (refused !== undefined)
    refusal(refused, 'Refused', `takes the remote's ${refused} for a refusal, with the remote's detail`)
  test(
    'takes a remote that fails for a dependency that is unavailable',
    `json(500, problem(500, 'it broke'))`,
    `await expect(${call}).rejects.toThrow(DependencyUnavailableError)`,
  )
  return tests
}
