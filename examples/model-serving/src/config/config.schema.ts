import { fileURLToPath } from 'node:url'
import convict from 'convict'

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

const integerOrText = (value: string) => (/^\d+$/.test(value) ? Number(value) : value)

const positiveInteger: convict.Format = {
  coerce: integerOrText,
  validate(value: unknown) {
    if (!Number.isSafeInteger(value) || (value as number) <= 0) {
      throw new Error('must be a positive integer')
    }
  },
}

const nonNegativeInteger: convict.Format = {
  coerce: integerOrText,
  validate(value: unknown) {
    if (!Number.isSafeInteger(value) || (value as number) < 0) {
      throw new Error('must be an integer of 0 or more')
    }
  },
}

function assertTcpPort(value: unknown) {
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 65_535) {
    throw new Error('must be an integer from 0 to 65535')
  }
}

const tcpPort: convict.Format = { coerce: integerOrText, validate: assertTcpPort }

/** An unset AIP_HTTP_PORT is null, so PORT applies; a set one must be a port. */
const optionalTcpPort: convict.Format = {
  coerce: (value: string) => (value === '' ? null : integerOrText(value)),
  validate(value: unknown) {
    if (value !== null) assertTcpPort(value)
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

const strictBoolean: convict.Format = {
  coerce: (value: string) => ({ true: true, false: false })[value] ?? value,
  validate(value: unknown) {
    if (typeof value !== 'boolean') throw new Error('must be true or false')
  },
}

const routePath: convict.Format = {
  validate(value: unknown) {
    if (typeof value !== 'string' || !/^\/[^\s?#*]*$/.test(value)) {
      throw new Error('must be a path starting with /, without spaces, ?, # or *')
    }
  },
}

const modelName = /^[A-Za-z0-9][\w.-]*$/

/** MODELS: `iris,other` loads every version of each; `iris:2` loads version 2 only. */
const modelList: convict.Format = {
  validate(value: unknown) {
    const entries = typeof value === 'string' && value.trim() ? value.split(',') : []
    for (const entry of entries.map((text) => text.trim())) {
      const [name = '', version, ...rest] = entry.split(':')
      if (
        !modelName.test(name) ||
        rest.length > 0 ||
        (version !== undefined && !/^[1-9]\d*$/.test(version))
      ) {
        throw new Error(`"${entry}" is not a model name, or name:version with a positive version`)
      }
    }
  },
}

/** Nothing may be downloaded: only a local folder, as a path or a file:// URI, can hold the models. */
const localStorageUri: convict.Format = {
  validate(value: unknown) {
    if (typeof value !== 'string' || value === '') return
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1]?.toLowerCase()
    if (scheme === 'file' && !isLocalFileUri(value)) {
      throw new Error('must be an absolute file:// URI, such as file:///mnt/models')
    }
    if (scheme && scheme !== 'file') {
      throw new Error(
        `${scheme}:// is not supported: models are never downloaded. Copy them into the image or mount ` +
          'them, then point MODEL_REPOSITORY (or AIP_STORAGE_URI as a file:// URI or path) at the folder',
      )
    }
  },
}

function isLocalFileUri(value: string): boolean {
  try {
    fileURLToPath(value)
    return true
  } catch {
    return false
  }
}

convict.addFormats({
  'positive-integer': positiveInteger,
  'non-negative-integer': nonNegativeInteger,
  'tcp-port': tcpPort,
  'optional-tcp-port': optionalTcpPort,
  'origin-list': originList,
  'strict-boolean': strictBoolean,
  'route-path': routePath,
  'model-list': modelList,
  'local-storage-uri': localStorageUri,
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
      doc: 'Port the HTTP server listens on, unless AIP_HTTP_PORT is set.',
      format: 'tcp-port',
      default: 8080,
      env: 'PORT',
    },
    bodyLimitBytes: {
      doc: 'Largest request body accepted, in bytes. Vertex AI allows 1.5 MB per request.',
      format: 'positive-integer',
      default: 2_097_152,
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
  vertex: {
    httpPort: {
      doc: 'Port Vertex AI sends requests to; overrides PORT when set.',
      format: 'optional-tcp-port',
      default: null as number | null,
      env: 'AIP_HTTP_PORT',
    },
    predictRoute: {
      doc: 'Path of the Vertex AI prediction route.',
      format: 'route-path',
      default: '/predict',
      env: 'AIP_PREDICT_ROUTE',
    },
    healthRoute: {
      doc: 'Path of the Vertex AI health route.',
      format: 'route-path',
      default: '/health',
      env: 'AIP_HEALTH_ROUTE',
    },
    storageUri: {
      doc: 'Where Vertex AI put the model artifacts; used as the model repository when it is local.',
      format: 'local-storage-uri',
      default: '',
      env: 'AIP_STORAGE_URI',
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
  models: {
    repository: {
      doc: 'Folder holding <model>/<version>/model.onnx; a relative path starts at the service folder.',
      format: String,
      default: 'models',
      env: 'MODEL_REPOSITORY',
    },
    names: {
      doc: 'Models to serve, comma-separated, each a name or name:version. Empty: every model found.',
      format: 'model-list',
      default: '',
      env: 'MODELS',
    },
    threads: {
      doc: 'Threads one inference may use: 1 suits small models, more shorten runs of large ones; 0: one per core.',
      format: 'non-negative-integer',
      default: 1,
      env: 'ONNX_THREADS',
    },
    maxInstancesPerRequest: {
      doc: 'Most instances (or tensor rows) one request may carry; a request with more is refused (400).',
      format: 'positive-integer',
      default: 1_000,
      env: 'MAX_INSTANCES_PER_REQUEST',
    },
  },
  batching: {
    maxBatchSize: {
      doc: 'Most instances run as one batch; 1 turns batching off.',
      format: 'positive-integer',
      default: 32,
      env: 'BATCH_MAX_SIZE',
    },
    maxDelayMs: {
      doc: 'Longest a request waits for others to join its batch; 0: only those that arrive in the same turn of the event loop.',
      format: 'non-negative-integer',
      default: 0,
      env: 'BATCH_MAX_DELAY_MS',
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
