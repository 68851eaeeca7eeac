/** The parts of an OpenAPI 3 document the fuzzer reads. */
export interface JsonSchema {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
  items?: JsonSchema
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  enum?: unknown[]
  const?: unknown
  format?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  minItems?: number
  maxItems?: number
  minProperties?: number
  $ref?: string
}

export interface Parameter {
  readonly name: string
  readonly in: 'path' | 'query' | 'header'
  readonly required?: boolean
  readonly schema: JsonSchema
}

export interface Operation {
  readonly method: string
  /** The path template, `/pets/{id}`. */
  readonly path: string
  readonly parameters: readonly Parameter[]
  /** Media type -> schema of the request body; empty when the operation takes none. */
  readonly bodies: Readonly<Record<string, JsonSchema>>
  /** Status -> media type -> schema; a status with no content maps to {}. */
  readonly responses: Readonly<Record<string, Readonly<Record<string, JsonSchema>>>>
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>
  components?: { schemas?: Record<string, JsonSchema> }
}

interface RawOperation {
  parameters?: Parameter[]
  requestBody?: { content?: Record<string, { schema: JsonSchema }> }
  responses?: Record<string, { content?: Record<string, { schema: JsonSchema }> }>
}

/** Every operation of the document, with `$ref`s to components resolved. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  const resolve = (schema: JsonSchema): JsonSchema => resolveRefs(schema, document.components?.schemas ?? {})
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      parameters: (operation.parameters ?? []).map((parameter) => ({
        ...parameter,
        schema: resolve(parameter.schema),
      })),
      bodies: Object.fromEntries(
        Object.entries(operation.requestBody?.content ?? {}).map(([type, { schema }]) => [
          type,
          resolve(schema),
        ]),
      ),
      responses: Object.fromEntries(
        Object.entries(operation.responses ?? {}).map(([status, { content }]) => [
          status,
          Object.fromEntries(
            Object.entries(content ?? {}).map(([type, { schema }]) => [type, resolve(schema)]),
          ),
        ]),
      ),
    })),
  )
}

function resolveRefs(schema: JsonSchema, components: Record<string, JsonSchema>, depth = 0): JsonSchema {
  if (depth > 20) throw new Error('schema nests deeper than 20 levels')
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '')
    const target = components[name]
    if (!target) throw new Error(`unknown $ref ${schema.$ref}`)
    return resolveRefs(target, components, depth + 1)
  }
  const next = (child: JsonSchema) => resolveRefs(child, components, depth + 1)
  return {
    ...schema,
    ...(schema.properties && {
      properties: Object.fromEntries(
        Object.entries(schema.properties).map(([key, child]) => [key, next(child)]),
      ),
    }),
    ...(schema.items && { items: next(schema.items) }),
    ...(schema.anyOf && { anyOf: schema.anyOf.map(next) }),
    ...(schema.oneOf && { oneOf: schema.oneOf.map(next) }),
    ...(typeof schema.additionalProperties === 'object' && {
      additionalProperties: next(schema.additionalProperties),
    }),
  }
}
