import { Ajv } from 'ajv'
import ajvFormats from 'ajv-formats'
import fc from 'fast-check'
import type { JsonSchema, Operation } from './openapi.js'
import { awkwardNumber, awkwardString, validValue } from './values.js'

export interface FuzzRequest {
  readonly method: string
  readonly url: string
  readonly contentType?: string
  readonly body?: string
  /** `valid`, or what was done to the request to break it. */
  readonly kind: string
  /** Whether the service must refuse it with a 4xx: the schema forbids it. */
  readonly mustRefuse: boolean
  readonly [fc.toStringMethod]: () => string
}

export interface FuzzOptions {
  /** Values to draw path parameters from, by name, so requests reach real resources. */
  readonly pathValues: Readonly<Record<string, readonly string[]>>
  readonly bodyLimitBytes: number
}

const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true })
ajvFormats.default(ajv)
const accepts = (schema: JsonSchema, value: unknown) => ajv.validate(schema, value) === true

/** A request for one of the operations: valid by its schema, or broken in one known way. */
export function requestArbitrary(
  operations: readonly Operation[],
  options: FuzzOptions,
): fc.Arbitrary<FuzzRequest> {
  return fc
    .constantFrom(...operations)
    .chain((operation) => fc.tuple(fc.constant(operation), validParts(operation, options), fc.nat(99)))
    .chain(([operation, parts, dice]) =>
      dice < 35 ? fc.constant(assemble(operation, parts, 'valid')) : broken(operation, parts, options),
    )
}

interface Parts {
  readonly path: Record<string, string>
  readonly query: Record<string, string>
  readonly body?: unknown
  readonly bodyType?: string
}

function validParts(operation: Operation, { pathValues }: FuzzOptions): fc.Arbitrary<Parts> {
  const path = Object.fromEntries(
    operation.parameters
      .filter((parameter) => parameter.in === 'path')
      .map((parameter) => {
        const known = pathValues[parameter.name] ?? []
        const generated = validValue(parameter.schema).map(String)
        return [parameter.name, known.length ? fc.oneof(fc.constantFrom(...known), generated) : generated]
      }),
  )
  const query = Object.fromEntries(
    operation.parameters
      .filter((parameter) => parameter.in === 'query')
      .map((parameter) => [parameter.name, validValue(parameter.schema).map(String)]),
  )
  const queryRequired = operation.parameters.filter((p) => p.in === 'query' && p.required).map((p) => p.name)
  const [bodyType, bodySchema] =
    Object.entries(operation.bodies).find(([type]) => type === 'application/json') ?? []
  return fc.record({
    path: fc.record(path),
    query: fc.record(query, { requiredKeys: queryRequired }),
    ...(bodySchema && { body: validValue(bodySchema), bodyType: fc.constant(bodyType) }),
  }) as fc.Arbitrary<Parts>
}

function assemble(
  operation: Operation,
  parts: Parts,
  kind: string,
  mustRefuse = false,
  raw?: { body: string; type: string },
): FuzzRequest {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(parts.path[name] ?? ''),
  )
  const search = new URLSearchParams(parts.query).toString()
  const body = raw?.body ?? (parts.bodyType ? JSON.stringify(parts.body) : undefined)
  const contentType = raw?.type ?? parts.bodyType
  const url = search ? `${path}?${search}` : path
  return {
    method: operation.method,
    url,
    kind,
    mustRefuse,
    ...(body !== undefined && { body }),
    ...(contentType !== undefined && { contentType }),
    // How a failing request is printed: bodies can be megabytes.
    [fc.toStringMethod]: () =>
      `${operation.method} ${url.slice(0, 200)} (${kind}; ${contentType ?? 'no body'}: ${body?.slice(0, 200) ?? ''}${(body?.length ?? 0) > 200 ? `... ${body?.length} bytes` : ''})`,
  }
}

/** One way of breaking the request, chosen among those that apply to the operation. */
function broken(
  operation: Operation,
  parts: Parts,
  { bodyLimitBytes }: FuzzOptions,
): fc.Arbitrary<FuzzRequest> {
  const schema = parts.bodyType ? operation.bodies[parts.bodyType] : undefined
  const body = parts.body
  const withBody = (kind: string, value: unknown) =>
    assemble(operation, { ...parts, body: value }, kind, schema ? !accepts(schema, value) : false)
  const fields =
    body && typeof body === 'object' && !Array.isArray(body) ? Object.keys(schema?.properties ?? {}) : []
  const breakings: fc.Arbitrary<FuzzRequest>[] = []

  if (schema && fields.length) {
    const field = fc.constantFrom(...fields)
    const record = body as Record<string, unknown>
    breakings.push(
      field.chain((name) =>
        wrongTypeFor(schema.properties?.[name] ?? {}).map((value) =>
          withBody('wrong type', { ...record, [name]: value }),
        ),
      ),
      field.map((name) => {
        const { [name]: _dropped, ...rest } = record
        return withBody('missing field', rest)
      }),
      fc.constant(withBody('unexpected field', { ...record, unexpectedField: 1 })),
      fc
        .tuple(field, awkwardString)
        .map(([name, text]) => withBody('awkward string', { ...record, [name]: text })),
      fc
        .tuple(field, awkwardNumber)
        .map(([name, number]) => withBody('awkward number', { ...record, [name]: number })),
    )
  }
  if (schema) {
    breakings.push(
      fc.constant(
        assemble(operation, parts, 'malformed JSON', true, { body: '{"broken": ', type: 'application/json' }),
      ),
      fc.constant(
        assemble(operation, parts, 'JSON of the wrong shape', !accepts(schema, [1, 2]), {
          body: '[1, 2]',
          type: 'application/json',
        }),
      ),
      fc.constant(
        assemble(operation, parts, 'oversized body', true, {
          body: JSON.stringify({ padding: 'x'.repeat(bodyLimitBytes + 1024) }),
          type: 'application/json',
        }),
      ),
    )
    if (!operation.bodies['text/plain']) {
      breakings.push(
        fc.constant(
          assemble(operation, parts, 'wrong content type', true, {
            body: JSON.stringify(body),
            type: 'text/plain',
          }),
        ),
      )
    }
  }
  for (const parameter of operation.parameters.filter((p) => p.in === 'path' && p.schema.format === 'uuid')) {
    breakings.push(
      fc
        .constantFrom('42', 'not-a-uuid', "'; drop table pets; --", '%00', '0'.repeat(500))
        .map((value) =>
          assemble(
            operation,
            { ...parts, path: { ...parts.path, [parameter.name]: value } },
            'path parameter not a uuid',
            true,
          ),
        ),
    )
  }
  for (const parameter of operation.parameters.filter(
    (p) => p.in === 'query' && (p.schema.type === 'integer' || p.schema.format),
  )) {
    breakings.push(
      fc.constantFrom('abc', '1e999', '-1', '').map((value) => {
        const query = { ...parts.query, [parameter.name]: value }
        return assemble(
          operation,
          { ...parts, query },
          `query ${parameter.name} malformed`,
          !accepts(parameter.schema, Number.isNaN(Number(value)) ? value : Number(value)),
        )
      }),
    )
  }
  return breakings.length ? fc.oneof(...breakings) : fc.constant(assemble(operation, parts, 'valid'))
}

function wrongTypeFor(schema: JsonSchema): fc.Arbitrary<unknown> {
  const types = new Set([schema.type, ...(schema.anyOf ?? []).map((s) => s.type)].flat().filter(Boolean))
  const candidates: [string, unknown][] = [
    ['string', 12345],
    ['number', 'twelve'],
    ['integer', 1.5],
    ['boolean', 'yes'],
    ['array', { not: 'an array' }],
    ['object', ['not', 'an', 'object']],
    ['null', 'null'],
  ]
  const wrong = candidates.filter(([type]) => types.has(type)).map(([, value]) => value)
  return fc.constantFrom(...(wrong.length ? wrong : [{ unexpected: 'object' }]))
}
