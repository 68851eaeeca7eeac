import fc from 'fast-check'
import type { JsonSchema } from './openapi.js'

/** Values a schema accepts. Formats the services use are honoured; the rest are plain strings. */
export function validValue(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const)
  if (schema.enum) return fc.constantFrom(...schema.enum)
  const alternatives = schema.anyOf ?? schema.oneOf
  if (alternatives) return fc.oneof(...alternatives.map((alternative) => validValue(alternative, depth + 1)))
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  switch (type) {
    case 'string':
      return stringOf(schema)
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 })
    case 'number':
      return fc.double({
        min: schema.minimum ?? -1e6,
        max: schema.maximum ?? 1e6,
        noNaN: true,
        noDefaultInfinity: true,
      })
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'array':
      return fc.array(schema.items ? validValue(schema.items, depth + 1) : anything(depth), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 5, 5),
      })
    case 'object':
      return objectOf(schema, depth)
    default:
      return anything(depth)
  }
}

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return fc.uuid()
    case 'date':
      return fc
        .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
        .map((date) => date.toISOString().slice(0, 10))
    case 'date-time':
      return fc
        .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
        .map((date) => date.toISOString())
    default:
      return fc
        .string({
          unit: 'grapheme',
          minLength: schema.minLength ?? 0,
          maxLength: Math.min(schema.maxLength ?? 20, 20),
        })
        .filter(
          (text) =>
            text.length >= (schema.minLength ?? 0) &&
            text.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY),
        )
  }
}

function objectOf(schema: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([key, child]) => [key, validValue(child, depth + 1)]),
  )
  return fc
    .record(properties, { requiredKeys: schema.required ?? [] })
    .filter((value) => Object.keys(value).length >= (schema.minProperties ?? 0)) as fc.Arbitrary<
    Record<string, unknown>
  >
}

function anything(depth: number): fc.Arbitrary<unknown> {
  return depth > 3 ? fc.oneof(fc.integer(), fc.string()) : fc.jsonValue({ maxDepth: 2 })
}

/** Strings that have broken services before: huge, control characters, lone surrogates, right-to-left. */
export const awkwardString = fc.oneof(
  fc.constant('x'.repeat(100_000)),
  fc.constant('nul \u0000 inside'),
  fc.constant('lone \ud800 surrogate'),
  fc.constant('\u202e right-to-left \u200f'),
  fc.constant('emoji 🐕‍🦺 and 中文'),
  fc.constant('quote \' and " and \\ and %s %n'),
  fc.string({ unit: 'binary', maxLength: 50 }),
)

/** Numbers at the edges of what JSON and the databases hold. */
export const awkwardNumber = fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -(2 ** 63), 5e-324, 0.1 + 0.2, -0)
