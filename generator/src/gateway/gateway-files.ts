import { camelCase } from 'change-case'
import type { GatewayModel, MethodArgument, PortMethod } from './gateway-model.js'
import { gatewayTestOf } from './gateway-test-file.js'
import type { RemoteOperation } from './remote-document.js'
import { exportedNames, type RemoteTypes } from './remote-types.js'

export interface GatewayFile {
  readonly path: string
  readonly content: string
}

/** Where each file of a gateway goes. */
export function gatewayPaths(model: Pick<GatewayModel, 'names' | 'remote'>) {
  const client = `src/clients/http/${model.remote.kebab}`
  const domain = `src/domain/${model.names.kebab}`
  return {
    document: `${client}/openapi.json`,
    types: `${client}/types.gen.ts`,
    checks: `${client}/valibot.gen.ts`,
    operations: `${client}/operations.gen.ts`,
    port: `${domain}/${model.names.kebab}.port.ts`,
    errors: `${domain}/${model.names.kebab}.errors.ts`,
    gateway: `src/gateways/${model.names.kebab}.gateway.ts`,
    fake: `test/fakes/${model.names.kebab}.fake.ts`,
    test: `test/gateways/${model.names.kebab}.gateway.test.ts`,
  }
}

/** What `anatomy update-gateway` writes again: the remote's document and everything made from it. */
export function remoteClientFiles(model: GatewayModel, types: RemoteTypes): GatewayFile[] {
  const paths = gatewayPaths(model)
  return [
    { path: paths.document, content: `${JSON.stringify(model.document.document, null, 2)}\n` },
    { path: paths.types, content: types.types },
    { path: paths.checks, content: types.checks },
    { path: paths.operations, content: operationsFile(model, types) },
  ]
}

/** The files the service owns from then on: the port, its errors, the gateway, its fake and its test. */
export function gatewayFiles(model: GatewayModel): GatewayFile[] {
  const paths = gatewayPaths(model)
  return [
    { path: paths.port, content: portFile(model) },
    { path: paths.errors, content: errorsFile(model) },
    { path: paths.gateway, content: gatewayFile(model) },
    { path: paths.fake, content: fakeFile(model) },
    { path: paths.test, content: gatewayTestOf(model) },
  ]
}

function operationsFile(model: GatewayModel, types: RemoteTypes): string {
  const typeNames = exportedNames(types.types)
  const checkNames = exportedNames(types.checks)
  const typeImports: string[] = []
  const checkImports: string[] = []
  const operations = model.operations.map((operation) => {
    const parts = [`${operation.typeName}Responses`, `${operation.typeName}Errors`].filter((name) =>
      typeNames.has(name),
    )
    typeImports.push(`${operation.typeName}Data`, ...parts)
    const check = `v${operation.typeName}Response`
    const checked = operation.success?.schema !== undefined && checkNames.has(check)
    if (checked) checkImports.push(check)
    const statuses = operation.statuses.filter((status) => status < 500 && status !== 429)
    return [
      `/** ${operation.method} ${operation.path}${operation.summary ? `: ${commentText(operation.summary)}` : ''} */`,
      `export const ${operation.id} = remoteOperation<${operation.typeName}Data, ${parts.join(' & ') || 'Record<never, never>'}>({`,
      `  operation: '${operation.id}',`,
      `  method: '${operation.method}',`,
      `  url: ${JSON.stringify(operation.path)},`,
      `  statuses: [${statuses.join(', ')}],`,
      checked ? `  checks: { ${operation.success?.status}: ${check} },` : '',
      '})',
    ]
      .filter((line) => line !== '')
      .join('\n')
  })
  return [
    `// Made from openapi.json by anatomy: \`anatomy update-gateway ${model.names.kebab}\` makes it again.`,
    `import { remoteOperation } from '../remote-operation.js'`,
    `import type { ${typeImports.join(', ')} } from './types.gen.js'`,
    ...(checkImports.length > 0 ? [`import { ${checkImports.join(', ')} } from './valibot.gen.js'`] : []),
    '',
    operations.join('\n\n'),
    '',
  ].join('\n')
}

function portFile(model: GatewayModel): string {
  const { names, remote } = model
  const methods = model.methods.map(
    (method) =>
      `${docOf(method.operation)}${method.operation.id}(${parameterList(method.arguments)}): Promise<${method.result}>`,
  )
  return [
    ...model.declarations.map((declaration) => `${declaration}\n`),
    `/**`,
    ` * What the domain needs of the ${remote.label}, in the domain's own terms; the gateway in`,
    ` * gateways/${names.kebab}.gateway.ts implements it. Name the methods and shape the types as the`,
    ` * domain speaks: the gateway's mapping is the one place that then has to follow.`,
    ` */`,
    `export interface ${names.Port} {`,
    methods.join('\n'),
    '}',
    '',
  ].join('\n')
}

function errorsFile({ names, remote }: GatewayModel): string {
  const kinds = [
    ['NotFound', 'NotFoundError', `The ${remote.label} has nothing at what was asked for.`, 'found nothing'],
    [
      'Conflict',
      'ConflictError',
      `The ${remote.label} refused the request as clashing with what it holds.`,
      'refused it as a conflict',
    ],
    [
      'Refused',
      'RuleViolationError',
      `The ${remote.label} refused the request as invalid: a value it does not take.`,
      'refused it',
    ],
  ] as const
  return [
    `import { ConflictError, NotFoundError, RuleViolationError } from '../errors.js'`,
    '',
    ...kinds.map(([kind, base, doc, verb]) =>
      [
        `/** ${doc} */`,
        `export class ${names.Port}${kind} extends ${base} {`,
        `  readonly code = '${names.CODE}.${kind === 'NotFound' ? 'NOT_FOUND' : kind.toUpperCase()}'`,
        '',
        '  constructor(readonly operation: string, detail?: string) {',
        `    super(detail ?? \`the ${remote.label} ${verb} (\${operation})\`, { operation })`,
        '  }',
        '}',
        '',
      ].join('\n'),
    ),
  ].join('\n')
}

function gatewayFile(model: GatewayModel): string {
  const { names, remote } = model
  const paths = gatewayPaths(model)
  const client = remote.setting
  const mappers = new Map<string, string>()
  const operationNames = model.methods.map((method) => method.operation.id)
  const typeImports = new Set<string>()
  const errorsUsed = new Set<string>()
  const methods = model.methods.map((method) => {
    const { operation } = method
    const cases = statusCases(client, method, names.Port, mappers, typeImports, errorsUsed)
    return [
      `    async ${operation.id}(${method.arguments.map((argument) => argument.name).join(', ')}) {`,
      `      const answer = await ${operation.id}(${client}${requestOf(method.arguments)}).catch(asDependencyUnavailable)`,
      '      switch (answer.status) {',
      ...cases,
      '      }',
      '    },',
    ].join('\n')
  })
  const domainTypes = declaredNamesIn(model, [...mappers.values()].join(' '))
  const unavailable = errorsUsed.has('DependencyUnavailableError')
  errorsUsed.delete('DependencyUnavailableError')
  const imports = [
    `import type { RemoteClient } from '../clients/http/remote-client.js'`,
    `import { ${operationNames.join(', ')} } from '${relative(paths.operations)}'`,
    typeImports.size > 0
      ? `import type { ${[...typeImports].join(', ')} } from '${relative(paths.types)}'`
      : '',
    unavailable ? `import { DependencyUnavailableError } from '../domain/errors.js'` : '',
    errorsUsed.size > 0 ? `import { ${[...errorsUsed].join(', ')} } from '${relative(paths.errors)}'` : '',
    `import type { ${[names.Port, ...domainTypes].join(', ')} } from '${relative(paths.port)}'`,
    `import { asDependencyUnavailable${errorsUsed.size > 0 ? ', remoteDetail' : ''} } from './remote-errors.js'`,
  ]
  return [
    ...imports.filter((line) => line !== ''),
    '',
    `/**`,
    ` * The ${names.label}, over the ${remote.label}: the remote's answers become the domain's types,`,
    ` * its refusals the domain's errors, and a remote that cannot answer a DependencyUnavailableError.`,
    ` */`,
    `export function create${names.Port}Gateway(${client}: RemoteClient): ${names.Port} {`,
    '  return {',
    methods.join('\n\n'),
    '  }',
    '}',
    ...[...mappers.values()].map((mapper) => `\n${mapper}`),
    '',
  ].join('\n')
}

type StatusKind = 'success' | 'not-found' | 'conflict' | 'refused' | 'unavailable'

function kindOf(status: number, success: number | undefined): StatusKind {
  if (status === success) return 'success'
  if (status === 404 || status === 410) return 'not-found'
  if (status === 409) return 'conflict'
  if (status >= 400 && ![401, 403, 407, 408].includes(status)) return 'refused'
  // Redirects, other successes, and refusals of this service's own credentials: nothing the caller can fix.
  return 'unavailable'
}

function statusCases(
  client: string,
  method: PortMethod,
  Port: string,
  mappers: Map<string, string>,
  typeImports: Set<string>,
  errorsUsed: Set<string>,
): string[] {
  const { operation } = method
  const success = operation.success?.status
  const groups = new Map<StatusKind, number[]>()
  for (const status of operation.statuses.filter((status) => status < 500 && status !== 429)) {
    const kind = kindOf(status, success)
    groups.set(kind, [...(groups.get(kind) ?? []), status])
  }
  const detail = `'${operation.id}', remoteDetail(answer.body)`
  const lines: string[] = []
  for (const [kind, statuses] of groups) {
    lines.push(...statuses.map((status) => `        case ${status}:`))
    if (kind === 'success') lines.push(`          ${successReturn(method, mappers, typeImports)}`)
    if (kind === 'not-found') lines.push(`          throw new ${Port}NotFound(${detail})`)
    if (kind === 'conflict') lines.push(`          throw new ${Port}Conflict(${detail})`)
    if (kind === 'refused') lines.push(`          throw new ${Port}Refused(${detail})`)
    if (kind === 'unavailable') lines.push(`          throw new DependencyUnavailableError(${client}.name)`)
    if (kind === 'not-found') errorsUsed.add(`${Port}NotFound`)
    if (kind === 'conflict') errorsUsed.add(`${Port}Conflict`)
    if (kind === 'refused') errorsUsed.add(`${Port}Refused`)
    if (kind === 'unavailable') errorsUsed.add('DependencyUnavailableError')
  }
  return lines
}

function successReturn(method: PortMethod, mappers: Map<string, string>, typeImports: Set<string>): string {
  const { operation } = method
  if (method.result === 'void') return 'return'
  if (!method.resultFields) return 'return answer.body'
  const name = `${camelCase(method.result)}Of`
  if (!mappers.has(method.result)) {
    const remoteType = `${operation.typeName}Responses[${operation.success?.status}]`
    typeImports.add(`${operation.typeName}Responses`)
    const fields = method.resultFields.map((field) => {
      const key = /^[A-Za-z_$][\w$]*$/.test(field) ? field : JSON.stringify(field)
      const read = key === field ? `remote.${field}` : `remote[${key}]`
      return `    ${key}: ${read},`
    })
    mappers.set(
      method.result,
      [
        `/** The remote's ${method.result}, field by field: where the remote changes, this is where it shows. */`,
        `function ${name}(remote: ${remoteType}): ${method.result} {`,
        '  return {',
        ...fields,
        '  }',
        '}',
      ].join('\n'),
    )
  }
  return `return ${name}(answer.body)`
}

function requestOf(argumentsOf: readonly MethodArgument[]): string {
  if (argumentsOf.length === 0) return ''
  const path = argumentsOf.filter((argument) => argument.place === 'path')
  const parts = [
    path.length > 0
      ? `path: { ${path.map((argument) => (argument.name === argument.remoteName ? argument.name : `${keyOf(argument.remoteName)}: ${argument.name}`)).join(', ')} }`
      : '',
    ...argumentsOf
      .filter((argument) => argument.place !== 'path')
      .map((argument) =>
        argument.place === argument.name ? argument.name : `${argument.place}: ${argument.name}`,
      ),
  ].filter((part) => part !== '')
  return `, { ${parts.join(', ')} }`
}

function keyOf(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name)
}

function parameterList(argumentsOf: readonly MethodArgument[]): string {
  return argumentsOf
    .map((argument) => `${argument.name}${argument.optional ? '?' : ''}: ${argument.type}`)
    .join(', ')
}

function docOf(operation: RemoteOperation): string {
  return `  /** ${operation.summary ? `${commentText(operation.summary)}: ` : ''}${operation.method} ${operation.path} */\n  `
}

/** Text from the remote's document, safe inside a comment. */
function commentText(text: string): string {
  return text.replace(/\s+/g, ' ').replaceAll('*/', '*\\/').trim()
}

function fakeFile(model: GatewayModel): string {
  const { names } = model
  const paths = gatewayPaths(model)
  const methods = model.methods.map((method) => {
    const argumentNames = method.arguments.map((argument) => argument.name).join(', ')
    return [
      `  async ${method.operation.id}(${parameterList(method.arguments)}): Promise<${method.result}> {`,
      `    this.calls.push({ operation: '${method.operation.id}', arguments: [${argumentNames}] })`,
      `    const answer = this.answers.${method.operation.id}`,
      `    if (!answer) throw new DependencyUnavailableError('${names.label} (the fake was given no answer to ${method.operation.id})')`,
      `    return answer(${argumentNames})`,
      '  }',
    ].join('\n')
  })
  const signatures = model.methods
    .map((method) => `${parameterList(method.arguments)} ${method.result}`)
    .join(' ')
  const domainTypes = declaredNamesIn(model, signatures)
  return [
    `import { DependencyUnavailableError } from '../../src/domain/errors.js'`,
    `import type { ${[names.Port, ...domainTypes].join(', ')} } from '../../${paths.port.replace(/\.ts$/, '.js')}'`,
    '',
    `/**`,
    ` * The ${names.label} in memory, for the tests of the services that use it: each operation answers`,
    ` * as the test says, every call is recorded, and one given no answer fails as a remote that is down.`,
    ` */`,
    `export class Fake${names.Port} implements ${names.Port} {`,
    `  readonly calls: { operation: keyof ${names.Port}; arguments: unknown[] }[] = []`,
    '',
    `  constructor(private readonly answers: Partial<${names.Port}> = {}) {}`,
    '',
    methods.join('\n\n'),
    '}',
    '',
  ].join('\n')
}

/** The domain types the port declares that `text` mentions. */
export function declaredNamesIn(model: GatewayModel, text: string): string[] {
  const declared = model.declarations.map((declaration) => /^export type (\w+)/.exec(declaration)?.[1] ?? '')
  return declared.filter((name) => name !== '' && new RegExp(`\\b${name}\\b`).test(text))
}

function relative(path: string): string {
  return `../${path.replace(/^src\//, '').replace(/\.ts$/, '.js')}`
}
