import { ConflictError, NotFoundError, RuleViolationError } from '../errors.js'

export class PetNotFound extends NotFoundError {
  readonly code = 'PET.NOT_FOUND'

  constructor(readonly id: string) {
    super(`pet ${id} does not exist`, { id })
  }
}

/** The pet clashes with one that exists, such as a uniqueness rule. */
export class PetConflict extends ConflictError {
  readonly code = 'PET.CONFLICT'
}

/** The pet breaks one of its rules. */
export class PetInvalid extends RuleViolationError {
  readonly code = 'PET.INVALID'
}
