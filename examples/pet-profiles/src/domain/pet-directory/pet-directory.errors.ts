import { ConflictError, NotFoundError, RuleViolationError } from '../errors.js'

/** The pets API has nothing at what was asked for. */
export class PetDirectoryNotFound extends NotFoundError {
  readonly code = 'PET_DIRECTORY.NOT_FOUND'

  constructor(
    readonly operation: string,
    detail?: string,
  ) {
    super(detail ?? `the pets API found nothing (${operation})`, { operation })
  }
}

/** The pets API refused the request as clashing with what it holds. */
export class PetDirectoryConflict extends ConflictError {
  readonly code = 'PET_DIRECTORY.CONFLICT'

  constructor(
    readonly operation: string,
    detail?: string,
  ) {
    super(detail ?? `the pets API refused it as a conflict (${operation})`, { operation })
  }
}

/** The pets API refused the request as invalid: a value it does not take. */
export class PetDirectoryRefused extends RuleViolationError {
  readonly code = 'PET_DIRECTORY.REFUSED'

  constructor(
    readonly operation: string,
    detail?: string,
  ) {
    super(detail ?? `the pets API refused it (${operation})`, { operation })
  }
}
