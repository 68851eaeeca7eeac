import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import convict from 'convict'
import { configSchema } from './config.schema.js'

export type Config = ReturnType<typeof readConfig>

export class ConfigError extends Error {
  override readonly name = 'ConfigError'
}

/** Reads every setting from `env`, or throws a ConfigError naming each variable that is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return readConfig(env)
  } catch (error) {
    throw new ConfigError(nameVariables(String((error as Error).message)))
  }
}

/** The service folder, whether this module runs from src/ or bundled in dist/: relative paths start here. */
const serviceRoot = nearestPackageFolder(fileURLToPath(new URL('.', import.meta.url)))

function nearestPackageFolder(folder: string): string {
  if (existsSync(join(folder, 'package.json')) || dirname(folder) === folder) return folder
  return nearestPackageFolder(dirname(folder))
}

function readConfig(env: NodeJS.ProcessEnv) {
  const config = convict(configSchema, { env, args: [] })
  config.validate({ allowed: 'strict' })
  const { database, ...rest } = config.getProperties()
  const { pgliteDataDir, ...server } = database
  return { ...rest, database: { ...server, pglite: embeddedDatabase(pgliteDataDir) } }
}

/** The embedded database's folder, and the snapshot every new one starts from, shipped with the service. */
function embeddedDatabase(dataDir: string) {
  return {
    dataDir: dataDir === 'memory://' ? dataDir : resolve(serviceRoot, dataDir),
    snapshot: join(serviceRoot, 'pglite/snapshot.tar.gz'),
  }
}

/** convict reports `http.port: must be ...`; an operator knows the setting as PORT. */
function nameVariables(message: string): string {
  const variables = environmentVariablesByKey(configSchema)
  return message
    .split('\n')
    .map((line) => line.replace(/^([\w.]+):/, (_match, key: string) => `${variables.get(key) ?? key}:`))
    .join('; ')
}

function environmentVariablesByKey(schema: object, prefix = ''): Map<string, string> {
  const variables = new Map<string, string>()
  for (const [key, value] of Object.entries(schema)) {
    const path = `${prefix}${key}`
    if (value && typeof value === 'object' && 'env' in value) {
      variables.set(path, String(value.env))
    } else if (value && typeof value === 'object') {
      for (const entry of environmentVariablesByKey(value, `${path}.`)) variables.set(...entry)
    }
  }
  return variables
}
