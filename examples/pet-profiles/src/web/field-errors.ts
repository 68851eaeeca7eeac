export interface FieldError {
  readonly in: string
  readonly field: string
  readonly message: string
}

/** One schema violation, as both TypeBox and Ajv report it. */
interface SchemaViolation {
  readonly keyword: string
  readonly instancePath: string
  readonly message?: string
  readonly params: Readonly<Record<string, unknown>>
}

/**
 * Turns schema violations into one entry per offending field, named the way a client wrote it
 * (`owner.name`, `tags.2`), so the client can point at the field without reading JSON pointers.
 */
export function fieldErrorsOf(violations: readonly SchemaViolation[], part: string): FieldError[] {
  const errors = violations.flatMap((violation) => fieldErrorsOfOne(violation, part))
  const unique = new Map(errors.map((error) => [`${error.field}\u0000${error.message}`, error]))
  return [...unique.values()]
}

function fieldErrorsOfOne(violation: SchemaViolation, part: string): FieldError[] {
  const path = dotted(violation.instancePath)
  const named = (names: unknown, message: string) =>
    (Array.isArray(names) ? names : [names]).map((name) => ({
      in: part,
      field: [path, String(name)].filter(Boolean).join('.'),
      message,
    }))
  switch (violation.keyword) {
    case 'required':
      return named(violation.params.requiredProperties ?? violation.params.missingProperty, 'is required')
    case 'additionalProperties':
      return named(
        violation.params.additionalProperties ?? violation.params.additionalProperty,
        'is not allowed',
      )
    case 'boolean':
      // TypeBox reports an extra property twice: once as `false` schema, once as additionalProperties.
      return []
    default:
      return [{ in: part, field: path, message: violation.message ?? 'is invalid' }]
  }
}

function dotted(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .join('.')
}
