import { ConflictError, NotFoundError, RuleViolationError } from '../errors.js'

export class OwnerNotFound extends NotFoundError {
  readonly code = 'OWNER.NOT_FOUND'

  constructor(readonly id: string) {
    super(`owner ${id} does not exist`, { id })
  }
}

/** The owner clashes with one that exists, such as a uniqueness rule. */
export class OwnerConflict extends ConflictError {
  readonly code = 'OWNER.CONFLICT'
}

/** The owner breaks one of its rules. */
export class OwnerInvalid extends RuleViolationError {
  readonly code = 'OWNER.INVALID'
}
