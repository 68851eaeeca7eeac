import { DependencyUnavailableError, type DomainError } from '../domain/errors.js'

/** SQLSTATE and socket codes meaning the database cannot be reached, rather than the query is wrong. */
const unreachable = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300',
  '57P01',
  '57P02',
  '57P03',
])
const uniqueViolation = '23505'
const foreignKeyViolation = '23503'
/** ON DELETE RESTRICT refusing to delete what a row still refers to. */
const restrictViolation = '23001'
/** SQLSTATE class 22, data exception: a value the column cannot hold (too long, out of range). */
const dataException = /^22/

export interface EntityErrors {
  /** `pet`: how messages name the entity. */
  readonly label: string
  /** The entity clashes with one that exists, or is still referred to. */
  readonly conflict: (message: string) => DomainError
  /** A value the database cannot store, or a reference to nothing; `field` names it when known. */
  readonly invalid: (message: string, field?: string) => DomainError
  /** The field behind each foreign key of the table, by the constraint's name. */
  readonly references?: Readonly<Record<string, string>>
}

/**
 * Wraps every method of a gateway so database failures leave it as domain errors: a broken
 * uniqueness rule as the entity's conflict, so is deleting what something still refers to; a
 * reference to nothing, or a value the column cannot hold, as the entity's invalid error, naming
 * the field where it can; an unreachable database as DependencyUnavailable. Anything else is a
 * bug, and stays what it is.
 */
export function translatingDatabaseErrors<Gateway extends object>(
  gateway: Gateway,
  errors: EntityErrors,
): Gateway {
  const translate = (error: unknown, method: string): unknown => {
    const code = codeOf(error)
    if (code === uniqueViolation) return errors.conflict(`the ${errors.label} clashes with one that exists`)
    if (code === restrictViolation || (code === foreignKeyViolation && method === 'remove')) {
      return errors.conflict(`the ${errors.label} is still referred to`)
    }
    if (code === foreignKeyViolation) {
      const field = errors.references?.[String((error as { constraint?: unknown }).constraint)]
      return errors.invalid(`${field ?? 'a reference'} refers to nothing that exists`, field)
    }
    if (code !== undefined && dataException.test(code)) {
      return errors.invalid(`a value of the ${errors.label} is more than the database can store`)
    }
    if (isUnreachable(error)) return new DependencyUnavailableError('database')
    return error
  }
  return Object.fromEntries(
    Object.entries(gateway).map(([name, method]) => [
      name,
      typeof method === 'function'
        ? (...args: unknown[]) =>
            (method as (...args: unknown[]) => Promise<unknown>)(...args).catch((error: unknown) => {
              throw translate(error, name)
            })
        : method,
    ]),
  ) as Gateway
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code
  return typeof code === 'string' ? code : undefined
}

function isUnreachable(error: unknown): boolean {
  const code = codeOf(error)
  if (code !== undefined && unreachable.has(code)) return true
  const message = error instanceof Error ? error.message : ''
  // pg reports these without a code: no connection in time, a socket cut mid-query, no answer in time.
  return /timeout exceeded when trying to connect|Connection terminated|Query read timeout/i.test(message)
}
