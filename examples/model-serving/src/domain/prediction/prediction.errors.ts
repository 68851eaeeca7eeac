import { MalformedInputError } from '../errors.js'

/** An instance of a predict request does not fit the model's signature. */
export class InstanceMismatchError extends MalformedInputError {
  readonly code = 'PREDICTION.INSTANCE_INVALID'

  constructor(
    readonly instance: number,
    reason: string,
  ) {
    super(`instance ${instance}: ${reason}`, { instance, reason })
  }
}

/** An input tensor of an inference request does not fit the model's signature. */
export class TensorMismatchError extends MalformedInputError {
  readonly code = 'INFERENCE.INPUT_INVALID'
}

/** An inference request asks for an output the model does not have. */
export class UnknownOutputError extends MalformedInputError {
  readonly code = 'INFERENCE.OUTPUT_UNKNOWN'

  constructor(name: string, outputs: readonly string[]) {
    super(`the model has no output "${name}"; its outputs are ${quoted(outputs)}`, { output: name })
  }
}

/** More instances in one request than the service accepts. */
export class TooManyInstancesError extends MalformedInputError {
  readonly code = 'PREDICTION.TOO_MANY_INSTANCES'

  constructor(count: number, limit: number) {
    super(`the request holds ${count} instances; at most ${limit} are accepted`, { count, limit })
  }
}

export function quoted(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(', ')
}
