/** Why a remote gave no usable answer: the gateway tells the domain it is unavailable. */
export type UnavailableReason =
  | 'timeout'
  | 'connection failed'
  | 'server error'
  | 'overloaded'
  | 'response too large'
  | 'circuit open'
  | 'unexpected answer'
  | 'invalid answer'

/** The remote could not be reached, or answered with a failure of its own, after any retries. */
export class RemoteUnavailable extends Error {
  override readonly name = 'RemoteUnavailable'

  constructor(
    readonly remote: string,
    readonly reason: UnavailableReason,
    /** Seconds the remote asked to be left alone, when it said. */
    readonly retryAfterSeconds?: number,
    options?: ErrorOptions,
  ) {
    super(`${remote} is unavailable: ${reason}`, options)
  }
}
