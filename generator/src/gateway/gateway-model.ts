import { camelCase, constantCase, kebabCase, pascalCase } from 'change-case'
import { reservedWords } from '../resource/resource-name.js'
import { UsageError } from '../usage-error.js'
import type { JsonSchema, OperationParameter, RemoteDocument, RemoteOperation } from './remote-document.js'
import { DomainTypes, isObjectSchema } from './schema-types.js'

export interface GatewayNames {
  /** `pet-directory`: file and folder names */
  readonly kebab: string
  /** `PetDirectory`: the port */
  readonly Port: string
  /** `petDirectory` */
  readonly port: string
  /** `PET_DIRECTORY`: error codes */
  readonly CODE: string
  /** `pet directory`: prose */
  readonly label: string
}

export interface RemoteNames {
  /** `pets`: the client's folder, and the remote in errors, logs and metrics */
  readonly kebab: string
  /** `petsApi`: the client in app.ts and its settings in the config */
  readonly setting: string
  /** `PETS_API`: the prefix of its environment variables */
  readonly ENV: string
  /** `pets API` */
  readonly label: string
  /** `http://pets:8080`: its name in compose and Kubernetes */
  readonly baseUrl: string
}

/** How a port method's argument reaches the remote. */
export interface MethodArgument {
  readonly name: string
  readonly type: string
  readonly optional: boolean
  readonly place: 'path' | 'query' | 'headers' | 'body'
  /** The parameter's name in the remote's document, for path parameters. */
  readonly remoteName: string
}

/** One method of the port, and how the gateway makes the remote's answer the domain's. */
export interface PortMethod {
  readonly operation: RemoteOperation
  readonly arguments: readonly MethodArgument[]
  /** `void` when the remote answers no body. */
  readonly result: string
  /** The result's own fields, copied one by one, when it is an object. */
  readonly resultFields?: readonly string[]
}

export interface GatewayModel {
  readonly names: GatewayNames
  readonly remote: RemoteNames
  /** Every operation the remote's client can call. */
  readonly operations: readonly RemoteOperation[]
  /** Those the port offers the domain. */
  readonly methods: readonly PortMethod[]
  /** The domain's types of what the port takes and gives. */
  readonly declarations: readonly string[]
  readonly document: RemoteDocument
}

const shape = /^[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*$/

export function gatewayNamesOf(input: string): GatewayNames {
  const kebab = checkedName(input, 'gateway')
  return {
    kebab,
    Port: pascalCase(kebab),
    port: camelCase(kebab),
    CODE: constantCase(kebab),
    label: kebab.split('-').join(' '),
  }
}

export function remoteNamesOf(input: string): RemoteNames {
  const kebab = checkedName(input, 'remote')
  return {
    kebab,
    setting: `${camelCase(kebab)}Api`,
    ENV: `${constantCase(kebab)}_API`,
    label: `${kebab.split('-').join(' ')} API`,
    baseUrl: `http://${kebab}:8080`,
  }
}

/** The remote's name when none is given: its document's title, as a name. */
export function remoteNameFromTitle(title: string): string {
  const name = kebabCase(title.replace(/[^A-Za-z0-9]+/g, ' ').trim())
  return shape.test(name) ? name : 'remote'
}

export function checkedName(input: string, what: string): string {
  if (!shape.test(input)) {
    throw new UsageError(
      `invalid ${what} name "${input}": use letters and digits, words joined by - or _ (e.g. pet-directory)`,
    )
  }
  const kebab = kebabCase(input)
  if (reservedWords.has(kebab) || reservedWords.has(camelCase(kebab)) || pascalCase(kebab) in globalThis) {
    throw new UsageError(`"${input}" is a reserved word here; pick another ${what} name`)
  }
  return kebab
}

/**
 * The port's methods, one per chosen operation: named as the operation, taking its path
 * parameters, then its query as one object, then its body; giving the domain's type of its answer.
 */
export function gatewayModelOf(
  names: GatewayNames,
  remote: RemoteNames,
  document: RemoteDocument,
  chosen: readonly string[] | undefined,
): GatewayModel {
  const operations = document.operations.filter((operation) => !operation.unsupported)
  const picked = pickOperations(document, chosen)
  const reserved = new Set([
    names.Port,
    ...['NotFound', 'Conflict', 'Refused'].map((kind) => `${names.Port}${kind}`),
  ])
  const types = new DomainTypes(document.resolve, reserved)
  const methods = picked.map((operation) => portMethodOf(operation, types, document))
  return { names, remote, operations, methods, declarations: types.declarations(), document }
}

function pickOperations(document: RemoteDocument, chosen: readonly string[] | undefined): RemoteOperation[] {
  if (chosen === undefined) {
    const callable = document.operations.filter((operation) => !operation.unsupported)
    const named = callable.filter((operation) => operation.named)
    return named.length > 0 ? named : callable
  }
  if (chosen.length === 0) throw new UsageError('--operations names no operation')
  return chosen.map((id) => {
    const operation = document.operations.find(
      (candidate) => candidate.id === id || candidate.id === camelCase(id),
    )
    if (!operation) {
      const known = document.operations.map((candidate) => candidate.id).join(', ')
      throw new UsageError(`the remote has no operation "${id}"; it has: ${known}`)
    }
    if (operation.unsupported)
      throw new UsageError(`operation "${id}" cannot be called: ${operation.unsupported}`)
    return operation
  })
}

function portMethodOf(operation: RemoteOperation, types: DomainTypes, document: RemoteDocument): PortMethod {
  const taken = new Set<string>()
  const argumentName = (wanted: string) => {
    let name = camelCase(wanted) || 'value'
    if (reservedWords.has(name) && !['id'].includes(name)) name = `${name}Value`
    while (taken.has(name)) name = `${name}2`
    taken.add(name)
    return name
  }
  const pathArguments = operation.pathParameters.map(
    (parameter): MethodArgument => ({
      name: argumentName(parameter.name),
      type: types.typeOf(parameter.schema),
      optional: false,
      place: 'path',
      remoteName: parameter.name,
    }),
  )
  const queryArgument = groupArgumentOf(
    'query',
    operation.queryParameters,
    `${operation.typeName}Query`,
    types,
    argumentName,
  )
  const headersArgument = groupArgumentOf(
    'headers',
    operation.headerParameters,
    `${operation.typeName}Headers`,
    types,
    argumentName,
  )
  const body = operation.body
  const bodyArgument: MethodArgument[] = body
    ? [
        {
          name: argumentName('input'),
          type: types.typeOf(body.schema, `${operation.typeName}Input`),
          optional: !body.required,
          place: 'body',
          remoteName: 'body',
        },
      ]
    : []
  const resultSchema = operation.success?.schema
  const resolved = resultSchema && document.resolve(resultSchema)
  return {
    operation,
    arguments: [...pathArguments, ...queryArgument, ...headersArgument, ...bodyArgument],
    result: resultSchema ? types.typeOf(resultSchema, `${operation.typeName}Result`) : 'void',
    ...(resolved && isObjectSchema(resolved) && hasProperties(resolved)
      ? { resultFields: Object.keys(resolved.properties as object) }
      : {}),
  }
}

/** The query's or the headers' parameters, as one object argument. */
function groupArgumentOf(
  place: 'query' | 'headers',
  parameters: readonly OperationParameter[],
  typeName: string,
  types: DomainTypes,
  argumentName: (wanted: string) => string,
): MethodArgument[] {
  if (parameters.length === 0) return []
  return [
    {
      name: argumentName(place),
      type: types.declareObject(typeName, parameters),
      optional: parameters.every((parameter) => !parameter.required),
      place,
      remoteName: place,
    },
  ]
}

function hasProperties(schema: JsonSchema): boolean {
  return Object.keys((schema.properties ?? {}) as object).length > 0
}
