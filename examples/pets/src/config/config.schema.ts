import convict from 'convict'

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

const postgresUrl: convict.Format = {
  validate(value: unknown) {
    if (value === '') return
    const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : undefined
    if (!url || !['postgres:', 'postgresql:'].includes(url.protocol)) {
      throw new Error('must be a postgres:// or postgresql:// URL, or empty for the embedded database')
    }
  },
}

const positiveInteger: convict.Format = {
  coerce: (value: string) => (/^\d+$/.test(value) ? Number(value) : value),
  validate(value: unknown) {
    if (!Number.isSafeInteger(value) || (value as number) <= 0) {
      throw new Error('must be a positive integer')
    }
  },
}

const tcpPort: convict.Format = {
  coerce: (value: string) => (/^\d+$/.test(value) ? Number(value) : value),
  validate(value: unknown) {
    if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 65_535) {
      throw new Error('must be an integer from 0 to 65535')
    }
  },
}

const nonNegativeInteger: convict.Format = {
  coerce: (value: string) => (/^\d+$/.test(value) ? Number(value) : value),
  validate(value: unknown) {
    if (!Number.isSafeInteger(value) || (value as number) < 0)
      throw new Error('must be 0 or a positive integer')
  },
}

const originList: convict.Format = {
  coerce: (value: string) =>
    value
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  validate(origins: unknown) {
    for (const origin of origins as string[]) {
      if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
        throw new Error(
          `must be * or origins like https://app.example.com, comma separated: "${origin}" is not`,
        )
      }
    }
  },
}

const nonEmptyString: convict.Format = {
  validate(value: unknown) {
    if (typeof value !== 'string' || value.trim() === '') throw new Error('must not be empty')
  },
}

const strictBoolean: convict.Format = {
  coerce: (value: string) => ({ true: true, false: false })[value] ?? value,
  validate(value: unknown) {
    if (typeof value !== 'boolean') throw new Error('must be true or false')
  },
}

convict.addFormats({
  'postgres-url': postgresUrl,
  'positive-integer': positiveInteger,
  'strict-boolean': strictBoolean,
  'non-empty-string': nonEmptyString,
  'tcp-port': tcpPort,
  'non-negative-integer': nonNegativeInteger,
  'origin-list': originList,
})

export const configSchema = {
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
      default: 1_048_576,
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
  },
  database: {
    url: {
      doc: 'PostgreSQL connection URL. Empty: an embedded PGlite database.',
      format: 'postgres-url',
      default: '',
      env: 'DATABASE_URL',
      sensitive: true,
    },
    pgliteDataDir: {
      doc: 'Folder of the embedded database, relative to the service folder; memory:// keeps it in memory, gone at exit.',
      format: 'non-empty-string',
      default: '.data/pglite',
      env: 'PGLITE_DATA_DIR',
    },
    poolMax: {
      doc: 'Most connections open to PostgreSQL at once.',
      format: 'positive-integer',
      default: 10,
      env: 'DATABASE_POOL_MAX',
    },
    queryTimeoutMs: {
      doc: 'A query not answered in this time fails, and the request gets a 503.',
      format: 'positive-integer',
      default: 10_000,
      env: 'DATABASE_QUERY_TIMEOUT_MS',
    },
    connectTimeoutMs: {
      doc: 'How long to wait for a PostgreSQL connection.',
      format: 'positive-integer',
      default: 2_000,
      env: 'DATABASE_CONNECT_TIMEOUT_MS',
    },
    migrateOnStart: {
      doc: 'Bring the schema to the latest migration before serving.',
      format: 'strict-boolean',
      default: true,
      env: 'DATABASE_MIGRATE_ON_START',
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
