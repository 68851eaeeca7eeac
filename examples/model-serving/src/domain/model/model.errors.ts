import { ConflictError, DomainError, NotFoundError, RuleViolationError } from '../errors.js'

export class UnknownModelError extends NotFoundError {
  readonly code = 'MODEL.NOT_FOUND'

  constructor(name: string, served: readonly string[]) {
    super(`model "${name}" is not served here; served: ${served.join(', ') || 'none'}`, { model: name })
  }
}

export class UnknownModelVersionError extends NotFoundError {
  readonly code = 'MODEL.VERSION_NOT_FOUND'

  constructor(name: string, version: string, served: readonly number[]) {
    super(`model "${name}" has no version "${version}"; served versions: ${served.join(', ')}`, {
      model: name,
      version,
    })
  }
}

/** The version exists but is still loading, or failed to load: another instance may serve it. */
export class ModelNotReadyError extends DomainError {
  readonly code = 'MODEL.NOT_READY'
  readonly kind = 'unavailable'

  constructor(name: string, version: number) {
    super(`model ${name}/${version} is not ready to serve`, { model: name, version })
  }
}

/** A version that could not be loaded at run time: its file is missing, broken or does not fit. */
export class ModelLoadFailedError extends RuleViolationError {
  readonly code = 'MODEL.LOAD_FAILED'

  constructor(name: string, version: number, reason: string) {
    super(`model ${name}/${version} failed to load: ${reason}`, { model: name, version })
  }
}

/** The model repository holds no such model: there is nothing to load. */
export class NotInRepositoryError extends NotFoundError {
  readonly code = 'MODEL.NOT_IN_REPOSITORY'

  constructor(name: string, held: readonly string[]) {
    super(`the model repository holds no model "${name}"; it holds ${held.join(', ') || 'none'}`, {
      model: name,
    })
  }
}

/** Loading, unloading and splitting at run time are off: the versions served are those of start-up. */
export class ModelControlDisabledError extends ConflictError {
  readonly code = 'MODEL.CONTROL_DISABLED'

  constructor() {
    super(
      'model control is off: set MODEL_CONTROL_MODE=explicit to load, unload and split versions at run time',
    )
  }
}
