/** How one remote is called: every value from the service's config (see config/remote.settings.ts). */
export interface RemoteSettings {
  readonly baseUrl: string
  /** Longest wait for a connection to open. */
  readonly connectTimeoutMs: number
  /** Longest a call may take in all, its retries and their pauses included. */
  readonly timeoutMs: number
  /** Further attempts after the first, for a call it is safe to repeat. */
  readonly retries: number
  /** A larger response body is cut off and the call fails. */
  readonly maxResponseBytes: number
  /** Consecutive failures that open the circuit: calls then fail at once, sparing the remote. */
  readonly circuitFailures: number
  /** How long the circuit stays open before one call may try the remote again. */
  readonly circuitHalfOpenAfterMs: number
}
