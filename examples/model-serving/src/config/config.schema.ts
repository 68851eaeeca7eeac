import { fileURLToPath } from 'node:url'
import convict from 'convict'
import './formats.js'
import { serverSettings } from './server.settings.js'
import { tracingSettings } from './tracing.settings.js'

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

/** TRAFFIC_SPLIT: `iris=1:90,2:10` sends 90% of the requests naming no version to 1, 10% to 2; models apart by `;`. */
const trafficSplit: convict.Format = {
  validate(value: unknown) {
    const models = typeof value === 'string' && value.trim() ? value.split(';') : []
    for (const model of models.map((text) => text.trim())) {
      const [name = '', weights = '', ...rest] = model.split('=')
      const valid =
        modelName.test(name) &&
        rest.length === 0 &&
        weights.split(',').every((entry) => /^\s*[1-9]\d*:\d{1,4}\s*$/.test(entry))
      if (!valid) throw new Error(`"${model}" is not name=version:weight,version:weight`)
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
  'model-list': modelList,
  'local-storage-uri': localStorageUri,
  'traffic-split': trafficSplit,
})

/** Every setting of this service, each from an environment variable. */
export const configSchema = {
  // Vertex AI allows 1.5 MB per request.
  ...serverSettings({ bodyLimitBytes: 2_097_152 }),
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
    controlMode: {
      doc: 'explicit: clients may load and unload versions and split traffic at run time (/v2/repository); none: the versions of start-up, as TRAFFIC_SPLIT says.',
      format: ['none', 'explicit'],
      default: 'none',
      env: 'MODEL_CONTROL_MODE',
    },
    traffic: {
      doc: 'How requests that name no version are split between the versions of a model, by weight: iris=1:90,2:10. Empty: to the latest ready version.',
      format: 'traffic-split',
      default: '',
      env: 'TRAFFIC_SPLIT',
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
  drift: {
    windowSize: {
      doc: 'Instances of each model version drift is measured on: the last ones served.',
      format: 'positive-integer',
      default: 1000,
      env: 'DRIFT_WINDOW_SIZE',
    },
    minSamples: {
      doc: 'Instances a window must hold before its drift is reported: fewer would make noise.',
      format: 'positive-integer',
      default: 200,
      env: 'DRIFT_MIN_SAMPLES',
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
  tracing: tracingSettings(),
}
