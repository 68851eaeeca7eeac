import type { JsonSchema } from './remote-document.js'
import { isObjectSchema } from './schema-types.js'

/** A schema no value can be made up for with confidence, such as a string with a pattern. */
export class NoSample extends Error {}

const byFormat: Record<string, string> = {
  uuid: '0195b1d4-8a3e-7c11-9f00-0c5a3b7e6d21',
  'date-time': '2026-01-02T03:04:05.000Z',
  date: '2026-01-02',
  time: '03:04:05Z',
  email: 'someone@example.com',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
}

/**
 * A value the schema accepts, for the gateway's generated tests: the document's own example
 * when it gives one, else the plainest value of each type that meets its bounds.
 */
export function sampleOf(
  schema: JsonSchema,
  resolve: (schema: JsonSchema) => JsonSchema,
  depth = 0,
): unknown {
  if (depth > 16) throw new NoSample('the schema nests too deep')
  const resolved = resolve(schema)
  const example = exampleOf(resolved)
  if (example !== undefined) return example
  if ('const' in resolved) return resolved.const
  if (Array.isArray(resolved.enum)) return resolved.enum.find((value) => value !== null) ?? null
  const alternatives = (resolved.anyOf ?? resolved.oneOf) as JsonSchema[] | undefined
  if (alternatives) {
    const plain = alternatives.find((alternative) => resolve(alternative).type !== 'null') ?? alternatives[0]
    if (!plain) throw new NoSample('an empty anyOf')
    return sampleOf(plain, resolve, depth + 1)
  }
  if (Array.isArray(resolved.allOf)) {
    return Object.assign(
      {},
      ...(resolved.allOf as JsonSchema[]).map((part) => sampleOf(part, resolve, depth + 1)),
    )
  }
  const type = Array.isArray(resolved.type) ? resolved.type.find((each) => each !== 'null') : resolved.type
  switch (type) {
    case 'string':
      return stringSample(resolved)
    case 'integer':
    case 'number':
      return numberSample(resolved)
    case 'boolean':
      return true
    case 'null':
      return null
    case 'array': {
      const count = Math.max(1, Number(resolved.minItems ?? 1))
      const item = sampleOf((resolved.items ?? {}) as JsonSchema, resolve, depth + 1)
      return Array.from({ length: count }, () => item)
    }
  }
  if (isObjectSchema(resolved)) {
    const properties = (resolved.properties ?? {}) as Record<string, JsonSchema>
    return Object.fromEntries(
      Object.entries(properties).map(([name, property]) => [name, sampleOf(property, resolve, depth + 1)]),
    )
  }
  throw new NoSample('a schema without a type')
}

function exampleOf(schema: JsonSchema): unknown {
  if (schema.example !== undefined) return schema.example
  return Array.isArray(schema.examples) ? schema.examples[0] : undefined
}

function stringSample(schema: JsonSchema): string {
  const value = plainString(schema)
  if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) {
    throw new NoSample(`a string of pattern ${schema.pattern} and no example`)
  }
  return value
}

function plainString(schema: JsonSchema): string {
  const format = typeof schema.format === 'string' ? schema.format : undefined
  if (format && byFormat[format]) return byFormat[format]
  if (format && !['password', 'byte', 'binary'].includes(format))
    throw new NoSample(`a string of format ${format}`)
  const min = Number(schema.minLength ?? 1)
  const max = Number(schema.maxLength ?? Math.max(min, 6))
  return 'sample'.padEnd(min, 'x').slice(0, Math.max(min, Math.min(max, 6)))
}

function numberSample(schema: JsonSchema): number {
  const low = schema.exclusiveMinimum ?? schema.minimum
  const high = schema.exclusiveMaximum ?? schema.maximum
  const start = typeof low === 'number' ? low + (schema.exclusiveMinimum === undefined ? 0 : 1) : 1
  const value =
    typeof high === 'number' ? Math.min(start, high - (schema.exclusiveMaximum === undefined ? 0 : 1)) : start
  if (typeof schema.multipleOf === 'number') return Math.ceil(value / schema.multipleOf) * schema.multipleOf
  return schema.type === 'integer' ? Math.ceil(value) : value
}
