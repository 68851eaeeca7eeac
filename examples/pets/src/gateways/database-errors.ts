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

export interface QueryErrors {
  /** The query deletes: a foreign key it breaks means the entity is still referred to. */
  readonly removing?: boolean
  /** The error for each unique index the query may break, by the index's name: a rule of the domain's own. */
  readonly unique?: Readonly<Record<string, () => DomainError | Promise<DomainError>>>
}

/**
 * For `.catch()` on a query: rejects with what its failure means in the domain's words. A broken
 * uniqueness rule is the rule's own error where the query names one, else the entity's conflict;
 * so is deleting what something still refers to. A reference to nothing, or a value the column
 * cannot hold, is the entity's invalid error, naming the field where it can. An unreachable
 * database is DependencyUnavailable. Anything else is a bug, and stays what it is.
 */
export function asDomainError(entity: EntityErrors, query: QueryErrors = {}) {
  return async (error: unknown): Promise<never> => {
    throw await domainErrorOf(error, entity, query)
  }
}

async function domainErrorOf(error: unknown, entity: EntityErrors, query: QueryErrors): Promise<unknown> {
  const code = codeOf(error)
  const constraint = constraintOf(error)
  if (code === uniqueViolation) {
    const rule = constraint === undefined ? undefined : query.unique?.[constraint]
    return rule ? rule() : entity.conflict(`the ${entity.label} clashes with one that exists`)
  }
  if (code === restrictViolation || (code === foreignKeyViolation && query.removing)) {
    return entity.conflict(`the ${entity.label} is still referred to`)
  }
  if (code === foreignKeyViolation) {
    const field = constraint === undefined ? undefined : entity.references?.[constraint]
    return entity.invalid(`${field ?? 'a reference'} refers to nothing that exists`, field)
  }
  if (code !== undefined && dataException.test(code)) {
    return entity.invalid(`a value of the ${entity.label} is more than the database can store`)
  }
  if (isUnreachable(error)) return new DependencyUnavailableError('database')
  return error
}

function constraintOf(error: unknown): string | undefined {
  const constraint = (error as { constraint?: unknown } | undefined)?.constraint
  return typeof constraint === 'string' ? constraint : undefined
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

/** For `.catch()` where no rule of the domain can fail: an unreachable database is DependencyUnavailable. */
export async function asUnavailableWhenUnreachable(error: unknown): Promise<never> {
  throw isUnreachable(error) ? new DependencyUnavailableError('database') : error
}
