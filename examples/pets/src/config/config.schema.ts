import convict from 'convict'
import { authSettings } from './auth.settings.js'
import { brokerSettings } from './broker.settings.js'
import './formats.js'
import { serverSettings } from './server.settings.js'
import { tracingSettings } from './tracing.settings.js'

convict.addFormats({
  'postgres-url': {
    validate(value: unknown) {
      if (value === '') return
      const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : undefined
      if (!url || !['postgres:', 'postgresql:'].includes(url.protocol)) {
        throw new Error('must be a postgres:// or postgresql:// URL, or empty for the embedded database')
      }
    },
  },
})

/** Every setting of this service, each from an environment variable. */
export const configSchema = {
  ...serverSettings(),
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
  auth: authSettings(),
  tracing: tracingSettings(),
  broker: brokerSettings({ exchange: 'pets.events', queuePrefix: 'pets' }),
}
