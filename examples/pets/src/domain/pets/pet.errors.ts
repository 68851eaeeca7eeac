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

  constructor(ownerId: string, name: string) {
    super(`owner ${ownerId} already has a pet named ${name}`, { ownerId, name })
  }
}

/** The pet breaks one of its rules. */
export class PetInvalid extends RuleViolationError {
  readonly code = 'PET.INVALID'
}

/** An adoption gives a pet a new owner, never the one it has. */
export class PetAlreadyOwned extends RuleViolationError {
  readonly code = 'PET.ALREADY_OWNED'

  constructor(name: string, ownerId: string) {
    super(`${name} already belongs to owner ${ownerId}`, { name, ownerId, field: 'ownerId' })
  }
}
