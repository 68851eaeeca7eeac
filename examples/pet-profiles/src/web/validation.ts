import type { FastifySchemaCompiler } from 'fastify'
import type { TSchema } from 'typebox'
import { Compile } from 'typebox/compile'

type Scalar = 'integer' | 'number' | 'boolean'

/**
 * The validator of every route: TypeBox's, compiled once per schema. A query string or a path
 * holds text, and text becomes a number or a boolean only when it is written as one: `limit=20`
 * is an integer, while `1.5`, `1e400` and `0x10` are not (TypeBox's own conversion would round
 * the first and read the others), so they fail validation and the client gets a 400 naming the
 * parameter. Bodies are JSON, already typed, and are checked as they are.
 */
export const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const check = Compile(schema)
  const convert = httpPart === 'body' ? undefined : textConverterOf(schema)
  return (value) => {
    const converted = convert ? convert(value) : value
    return check.Check(converted) ? { value: converted } : { error: [...check.Errors(converted)] }
  }
}

/** Converts each property the schema declares a number or a boolean, when its text is one. */
function textConverterOf(schema: TSchema): ((value: unknown) => unknown) | undefined {
  const properties = (schema as { properties?: Record<string, TSchema> }).properties ?? {}
  const scalars = Object.entries(properties).flatMap(([key, property]) => {
    const scalar = scalarOf(property)
    return scalar ? [[key, scalar] as const] : []
  })
  if (scalars.length === 0) return undefined
  return (value) => {
    if (!value || typeof value !== 'object') return value
    const converted: Record<string, unknown> = { ...value }
    for (const [key, scalar] of scalars) {
      const text = converted[key]
      if (typeof text === 'string') converted[key] = parsedText(scalar, text)
    }
    return converted
  }
}

/** integer, number or boolean, also when optional or nullable (a union with null). */
function scalarOf(schema: TSchema): Scalar | undefined {
  const { type, anyOf } = schema as { type?: unknown; anyOf?: TSchema[] }
  if (type === 'integer' || type === 'number' || type === 'boolean') return type
  const [only, ...others] = (anyOf ?? []).map(scalarOf).filter((scalar) => scalar !== undefined)
  return others.length === 0 ? only : undefined
}

const integerText = /^-?(0|[1-9]\d*)$/
const numberText = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/

/** The value the text spells, or the text itself, which then fails the type check. */
function parsedText(scalar: Scalar, text: string): unknown {
  if (scalar === 'boolean') return text === 'true' ? true : text === 'false' ? false : text
  if (!(scalar === 'integer' ? integerText : numberText).test(text)) return text
  const value = Number(text)
  const fits = scalar === 'integer' ? Number.isSafeInteger(value) : Number.isFinite(value)
  return fits ? value : text
}
