import { logLevels } from './formats.js'

export interface ServerSettingDefaults {
  /** Largest request body accepted, in bytes. */
  readonly bodyLimitBytes?: number
}

/**
 * The settings of the HTTP server, the log and the health probes, which every service has: its
 * config.schema.ts spreads them beside its own, with defaults of its choosing.
 */
export function serverSettings({ bodyLimitBytes = 1_048_576 }: ServerSettingDefaults = {}) {
  return {
    http: {
      host: {
        doc: 'Interface the HTTP server listens on.',
        format: String,
        default: '0.0.0.0',
        env: 'HOST',
      },
      port: {
        doc: 'Port the HTTP server listens on.',
        format: 'tcp-port',
        default: 8080,
        env: 'PORT',
      },
      bodyLimitBytes: {
        doc: 'Largest request body accepted, in bytes.',
        format: 'positive-integer',
        default: bodyLimitBytes,
        env: 'BODY_LIMIT_BYTES',
      },
      requestTimeoutMs: {
        doc: 'A request not answered in this time gets a 503.',
        format: 'positive-integer',
        default: 30_000,
        env: 'REQUEST_TIMEOUT_MS',
      },
      trustProxy: {
        doc: 'Behind a load balancer: take the client address from X-Forwarded-For.',
        format: 'strict-boolean',
        default: false,
        env: 'TRUST_PROXY',
      },
      corsOrigins: {
        doc: 'Comma-separated origins browsers may call from; * for any; empty for none.',
        format: 'origin-list',
        default: [] as string[],
        env: 'CORS_ORIGINS',
      },
      rateLimitMax: {
        doc: 'Requests one client may make per window; 0 turns the limit off.',
        format: 'non-negative-integer',
        default: 0,
        env: 'RATE_LIMIT_MAX',
      },
      rateLimitWindowMs: {
        doc: 'The window of the rate limit.',
        format: 'positive-integer',
        default: 60_000,
        env: 'RATE_LIMIT_WINDOW_MS',
      },
      shutdownTimeoutMs: {
        doc: 'How long in-flight requests may take to finish after SIGTERM.',
        format: 'positive-integer',
        default: 10_000,
        env: 'SHUTDOWN_TIMEOUT_MS',
      },
    },
    log: {
      level: {
        doc: 'Lowest level written to the log.',
        format: logLevels,
        default: 'info' as (typeof logLevels)[number],
        env: 'LOG_LEVEL',
      },
      requests: {
        doc: 'Log every request as it comes in and as it is answered (at info level).',
        format: 'strict-boolean',
        default: true,
        env: 'LOG_REQUESTS',
      },
    },
    health: {
      probeTimeoutMs: {
        doc: 'How long a readiness probe may take before it counts as down.',
        format: 'positive-integer',
        default: 1_000,
        env: 'HEALTH_PROBE_TIMEOUT_MS',
      },
    },
  }
}
