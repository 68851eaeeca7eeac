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

/** An owner calls each of their pets by a name of its own. */
export class PetNameTaken extends ConflictError {
  readonly code = 'PET.NAME_TAKEN'

  constructor(owner: string, name: string) {
    super(`${owner} already has a pet named ${name}`, { owner, name })
  }
}

/** The pet breaks one of its rules. */
export class PetInvalid extends RuleViolationError {
  readonly code = 'PET.INVALID'
}

/** An adoption gives a pet a new owner, never the one it has. */
export class PetAlreadyOwned extends RuleViolationError {
  readonly code = 'PET.ALREADY_OWNED'

  constructor(name: string, owner: string) {
    super(`${name} already belongs to ${owner}`, { name, owner })
  }
}
