import { $RefParser } from '@hey-api/json-schema-ref-parser'
import { camelCase, pascalCase } from 'change-case'
import { UsageError } from '../usage-error.js'

/** A JSON Schema of the document, as the document spells it: `$ref`s stay until read. */
export type JsonSchema = { readonly [keyword: string]: unknown }

export interface OperationParameter {
  readonly name: string
  readonly required: boolean
  readonly schema: JsonSchema
}

/** One operation of the remote, as much of it as the gateway's code needs. */
export interface RemoteOperation {
  /** `getPet`: the operationId, or one made of the method and path when the document has none. */
  readonly id: string
  /** `GetPet`: how the generated types name it (`GetPetData`, `GetPetResponses`). */
  readonly typeName: string
  /** Whether the document gave the operationId: those without are often plumbing, like /metrics. */
  readonly named: boolean
  readonly method: string
  /** `/pets/{id}` */
  readonly path: string
  readonly summary?: string
  readonly pathParameters: readonly OperationParameter[]
  readonly queryParameters: readonly OperationParameter[]
  readonly headerParameters: readonly OperationParameter[]
  readonly body?: { readonly schema: JsonSchema; readonly required: boolean }
  /** Every status the document lists for it. */
  readonly statuses: readonly number[]
  /** Its first 2xx, with the schema of its JSON body when it has one. */
  readonly success?: { readonly status: number; readonly schema?: JsonSchema }
  /** Why the gateway cannot call it, when it cannot: a body that is not JSON. */
  readonly unsupported?: string
}

export interface RemoteDocument {
  readonly title: string
  /** The document, bundled: every `$ref` points inside it. */
  readonly document: Record<string, unknown>
  readonly operations: readonly RemoteOperation[]
  /** Resolves a `$ref` of the document to what it points at. */
  readonly resolve: (schema: JsonSchema) => JsonSchema
}

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

/** Reads an OpenAPI 3.x document from a file or an http(s) URL, JSON or YAML, external refs bundled in. */
export async function loadRemoteDocument(source: string): Promise<RemoteDocument> {
  let document: Record<string, unknown>
  try {
    document = (await new $RefParser().bundle({ pathOrUrlOrSchema: source })) as Record<string, unknown>
  } catch (error) {
    throw new UsageError(`cannot read the OpenAPI document ${source}: ${messageOf(error)}`)
  }
  return remoteDocumentOf(document, source)
}

export function remoteDocumentOf(document: Record<string, unknown>, source: string): RemoteDocument {
  if (typeof document.openapi !== 'string' || !document.openapi.startsWith('3.')) {
    throw new UsageError(`${source} is not an OpenAPI 3.x document (it has no "openapi": "3.…")`)
  }
  const resolve = resolverOf(document)
  const paths = (document.paths ?? {}) as Record<string, Record<string, unknown>>
  const taken = new Set<string>()
  const operations: RemoteOperation[] = []
  for (const [path, item] of Object.entries(paths)) {
    const shared = (item.parameters ?? []) as JsonSchema[]
    for (const method of methods) {
      const operation = item[method] as Record<string, unknown> | undefined
      if (operation) operations.push(operationOf(method, path, operation, shared, resolve, taken))
    }
  }
  const info = (document.info ?? {}) as Record<string, unknown>
  return { title: typeof info.title === 'string' ? info.title : 'remote', document, operations, resolve }
}

function operationOf(
  method: string,
  path: string,
  operation: Record<string, unknown>,
  sharedParameters: readonly JsonSchema[],
  resolve: (schema: JsonSchema) => JsonSchema,
  taken: Set<string>,
): RemoteOperation {
  const id = uniqueId(operationIdOf(method, path, operation.operationId), taken)
  const parameters = [...sharedParameters, ...((operation.parameters ?? []) as JsonSchema[])].map(resolve)
  const byPlace = (place: string) =>
    parameters
      .filter((parameter) => parameter.in === place)
      .map((parameter) => ({
        name: String(parameter.name),
        required: parameter.required === true,
        schema: (parameter.schema ?? {}) as JsonSchema,
      }))
  const responses = (operation.responses ?? {}) as Record<string, JsonSchema>
  const statuses = Object.keys(responses)
    .filter((status) => /^\d{3}$/.test(status))
    .map(Number)
  const successStatus = statuses.find((status) => status >= 200 && status < 300)
  const body = jsonBodyOf(
    operation.requestBody === undefined ? undefined : resolve(operation.requestBody as JsonSchema),
  )
  return {
    id,
    typeName: pascalCase(id),
    named: typeof operation.operationId === 'string' && operation.operationId.trim() !== '',
    method: method.toUpperCase(),
    path,
    ...(typeof operation.summary === 'string' ? { summary: operation.summary } : {}),
    pathParameters: byPlace('path'),
    queryParameters: byPlace('query'),
    headerParameters: byPlace('header'),
    ...(body.schema ? { body: { schema: body.schema, required: body.required } } : {}),
    statuses,
    ...(successStatus === undefined
      ? {}
      : {
          success: {
            status: successStatus,
            ...jsonContentOf(resolve(responses[String(successStatus)] ?? {})),
          },
        }),
    ...(body.unsupported ? { unsupported: body.unsupported } : {}),
  }
}

/** As the type generator names operations: the operationId, else the method and the path. */
function operationIdOf(method: string, path: string, operationId: unknown): string {
  if (typeof operationId === 'string' && operationId.trim() !== '') {
    return camelCase(operationId.replace(/^[^\p{ID_Start}]+/u, '').replace(/[^$\p{ID_Continue}]/gu, '-'))
  }
  return camelCase(`${method}-${path.replace(/{(.*?)}/g, 'by-$1').replace(/[/:+]/g, '-')}`)
}

function uniqueId(id: string, taken: Set<string>): string {
  let unique = id
  for (let count = 2; taken.has(unique); count++) unique = `${id}${count}`
  taken.add(unique)
  return unique
}

function jsonBodyOf(requestBody: JsonSchema | undefined): {
  schema?: JsonSchema
  required: boolean
  unsupported?: string
} {
  if (requestBody === undefined) return { required: false }
  const content = (requestBody.content ?? {}) as Record<string, JsonSchema>
  const { schema } = jsonContentOf(requestBody)
  const required = requestBody.required === true
  if (schema) return { schema, required }
  const types = Object.keys(content)
  return types.length === 0
    ? { required }
    : { required, unsupported: `its body is ${types.join(' or ')}, not JSON` }
}

function jsonContentOf(holder: JsonSchema): { schema?: JsonSchema } {
  const content = (holder.content ?? {}) as Record<string, JsonSchema>
  const type = Object.keys(content).find((name) => /^application\/([\w.-]+\+)?json\b/.test(name))
  const schema = type === undefined ? undefined : content[type]?.schema
  return schema === undefined ? {} : { schema: schema as JsonSchema }
}

function resolverOf(document: Record<string, unknown>) {
  return function resolve(schema: JsonSchema): JsonSchema {
    let current = schema
    for (let depth = 0; typeof current.$ref === 'string'; depth++) {
      const ref = current.$ref as string
      if (!ref.startsWith('#/') || depth > 32) throw new UsageError(`cannot follow $ref ${ref}`)
      const target = ref
        .slice(2)
        .split('/')
        .map((part) => decodeURIComponent(part).replaceAll('~1', '/').replaceAll('~0', '~'))
        .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], document)
      if (target === undefined) throw new UsageError(`$ref ${ref} points at nothing`)
      current = target as JsonSchema
    }
    return current
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
