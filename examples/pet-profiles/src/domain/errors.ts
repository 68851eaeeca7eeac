/** How a domain failure is to be understood by whoever called the domain. */
export type DomainErrorKind = 'not-found' | 'conflict' | 'invalid' | 'malformed' | 'unavailable'

/**
 * A failure the domain can name. `code` is stable (clients switch on it) and crosses every
 * layer unchanged; only the web edge decides what it looks like on the wire.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string
  abstract readonly kind: DomainErrorKind

  constructor(
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message)
    this.name = new.target.name
  }
}

/** The thing asked for does not exist. */
export abstract class NotFoundError extends DomainError {
  readonly kind = 'not-found'
}

/** The request clashes with the current state, such as a uniqueness rule. */
export abstract class ConflictError extends DomainError {
  readonly kind = 'conflict'
}

/** Well-formed input that breaks a domain rule. */
export abstract class RuleViolationError extends DomainError {
  readonly kind = 'invalid'
}

/** Input that cannot be read as what the domain expects, such as a value of the wrong shape or type. */
export abstract class MalformedInputError extends DomainError {
  readonly kind = 'malformed'
}

/** Something the domain depends on (a database, a remote service) cannot answer right now. */
export class DependencyUnavailableError extends DomainError {
  readonly code = 'DEPENDENCY.UNAVAILABLE'
  readonly kind = 'unavailable'

  /** `retryAfterSeconds`: when the dependency said how long it needs. */
  constructor(dependency: string, retryAfterSeconds?: number) {
    super(
      `${dependency} is unavailable`,
      retryAfterSeconds === undefined ? { dependency } : { dependency, retryAfterSeconds },
    )
  }
}
