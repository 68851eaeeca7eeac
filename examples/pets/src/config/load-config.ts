import { join, resolve } from 'node:path'
import { authenticationOf } from './auth.settings.js'
import { configSchema } from './config.schema.js'
import { ConfigError, readSettings, serviceRoot } from './read-settings.js'
import { tracingOf } from './tracing.settings.js'

export { ConfigError } from './read-settings.js'
export type Config = ReturnType<typeof loadConfig>

/** Reads every setting from `env`, or throws a ConfigError naming each variable that is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const { database, auth, tracing, ...rest } = readSettings(configSchema, env)
  const { pgliteDataDir, ...server } = database
  return {
    ...rest,
    authentication: authenticationOf(auth, env.NODE_ENV, (message) => new ConfigError(message)),
    database: { ...server, pglite: embeddedDatabase(pgliteDataDir) },
    tracing: tracingOf(tracing),
  }
}

/** The embedded database's folder, and the snapshot every new one starts from, shipped with the service. */
function embeddedDatabase(dataDir: string) {
  return {
    dataDir: dataDir === 'memory://' ? dataDir : resolve(serviceRoot, dataDir),
    snapshot: join(serviceRoot, 'pglite/snapshot.tar.gz'),
  }
}
