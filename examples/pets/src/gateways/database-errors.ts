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
/** SQLSTATE class 22, data exception: a value the column cannot hold (too long, out of range). */
const dataException = /^22/

export interface EntityErrors {
  /** The entity clashes with one that exists. */
  readonly conflict: () => DomainError
  /** A value the database cannot store, which the schemas let through. */
  readonly invalid: () => DomainError
}

/**
 * Wraps every method of a gateway so database failures leave it as domain errors: a broken
 * uniqueness rule as the entity's conflict, a value the column cannot hold as the entity's
 * invalid error, an unreachable database as DependencyUnavailable. Anything else is a bug, and
 * stays what it is.
 */
export function translatingDatabaseErrors<Gateway extends object>(
  gateway: Gateway,
  errors: EntityErrors,
): Gateway {
  const translate = (error: unknown): unknown => {
    const code = codeOf(error)
    if (code === uniqueViolation) return errors.conflict()
    if (code !== undefined && dataException.test(code)) return errors.invalid()
    if (isUnreachable(error)) return new DependencyUnavailableError('database')
    return error
  }
  return Object.fromEntries(
    Object.entries(gateway).map(([name, method]) => [
      name,
      typeof method === 'function'
        ? (...args: unknown[]) =>
            (method as (...args: unknown[]) => Promise<unknown>)(...args).catch((error: unknown) => {
              throw translate(error)
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
