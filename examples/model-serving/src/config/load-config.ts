import { existsSync } from 'node:fs'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import convict from 'convict'
import { configSchema } from './config.schema.js'

export type Config = ReturnType<typeof readConfig>

export class ConfigError extends Error {
  override readonly name = 'ConfigError'
}

/** The service folder, whether this module runs from src/ or bundled in dist/: relative model paths start here. */
const serviceRoot = nearestPackageFolder(fileURLToPath(new URL('.', import.meta.url)))

function nearestPackageFolder(folder: string): string {
  if (existsSync(join(folder, 'package.json')) || dirname(folder) === folder) return folder
  return nearestPackageFolder(dirname(folder))
}

/** Reads every setting from `env`, or throws a ConfigError naming each variable that is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return readConfig(env)
  } catch (error) {
    throw new ConfigError(nameVariables(String((error as Error).message)))
  }
}

function readConfig(env: NodeJS.ProcessEnv) {
  const config = convict(configSchema, { env, args: [] })
  config.validate({ allowed: 'strict' })
  const { http, vertex, models, ...rest } = config.getProperties()
  return {
    ...rest,
    http: { ...http, port: vertex.httpPort ?? http.port },
    vertex: { predictRoute: vertex.predictRoute, healthRoute: vertex.healthRoute },
    models: {
      repository: repositoryFolder(vertex.storageUri, models.repository),
      selection: parseSelection(models.names),
      threads: models.threads,
      maxInstancesPerRequest: models.maxInstancesPerRequest,
    },
  }
}

/** On Vertex AI, AIP_STORAGE_URI says where the models are; elsewhere MODEL_REPOSITORY does. */
function repositoryFolder(storageUri: string, repository: string): string {
  if (storageUri.toLowerCase().startsWith('file://')) return fileURLToPath(storageUri)
  const folder = storageUri || repository
  return isAbsolute(folder) ? folder : resolve(serviceRoot, folder)
}

/** `iris,other:2` -> every version of iris, version 2 of other. */
function parseSelection(names: string): { name: string; version?: number }[] {
  return names
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [name = '', version] = entry.split(':')
      return version === undefined ? { name } : { name, version: Number(version) }
    })
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
