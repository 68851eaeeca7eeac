export interface RemoteSettingDefaults {
  /** Where the remote answers when nothing else is configured: its name in compose or Kubernetes. */
  readonly baseUrl: string
}

/**
 * The settings of one remote service the gateways call, read from variables named after it:
 * `remoteSettings('pets API', 'PETS_API', …)` reads PETS_API_URL, PETS_API_TIMEOUT_MS and the rest.
 */
export function remoteSettings(label: string, prefix: string, { baseUrl }: RemoteSettingDefaults) {
  return {
    baseUrl: {
      doc: `Base URL of the ${label}.`,
      format: 'http-url',
      default: baseUrl,
      env: `${prefix}_URL`,
    },
    connectTimeoutMs: {
      doc: `Longest wait for a connection to the ${label} to open.`,
      format: 'positive-integer',
      default: 1_000,
      env: `${prefix}_CONNECT_TIMEOUT_MS`,
    },
    timeoutMs: {
      doc: `Longest a call to the ${label} may take, retries included; then it answers 503.`,
      format: 'positive-integer',
      default: 5_000,
      env: `${prefix}_TIMEOUT_MS`,
    },
    retries: {
      doc: `Further attempts at a call to the ${label} that is safe to repeat.`,
      format: 'non-negative-integer',
      default: 2,
      env: `${prefix}_RETRIES`,
    },
    maxResponseBytes: {
      doc: `Largest response body accepted from the ${label}, in bytes.`,
      format: 'positive-integer',
      default: 1_048_576,
      env: `${prefix}_MAX_RESPONSE_BYTES`,
    },
    circuitFailures: {
      doc: `Consecutive failures of the ${label} that open its circuit: calls then fail at once.`,
      format: 'positive-integer',
      default: 5,
      env: `${prefix}_CIRCUIT_FAILURES`,
    },
    circuitHalfOpenAfterMs: {
      doc: `How long the circuit to the ${label} stays open before one call tries again.`,
      format: 'positive-integer',
      default: 10_000,
      env: `${prefix}_CIRCUIT_HALF_OPEN_AFTER_MS`,
    },
  }
}
