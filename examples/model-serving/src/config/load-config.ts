import { isAbsolute, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { configSchema } from './config.schema.js'
import { readSettings, serviceRoot } from './read-settings.js'
import { tracingOf } from './tracing.settings.js'

export { ConfigError } from './read-settings.js'
export type Config = ReturnType<typeof loadConfig>

/** Reads every setting from `env`, or throws a ConfigError naming each variable that is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const { http, vertex, models, tracing, ...rest } = readSettings(configSchema, env)
  return {
    ...rest,
    tracing: tracingOf(tracing),
    http: { ...http, port: vertex.httpPort ?? http.port },
    vertex: { predictRoute: vertex.predictRoute, healthRoute: vertex.healthRoute },
    models: {
      repository: repositoryFolder(vertex.storageUri, models.repository),
      selection: parseSelection(models.names),
      traffic: parseTraffic(models.traffic),
      control: models.controlMode === 'explicit',
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

/** `iris=1:90,2:10;other=3:1` as weights by version, by model name. */
function parseTraffic(text: string): Map<string, Map<number, number>> {
  const models = text
    .split(';')
    .map((entry) => entry.trim())
    .filter(Boolean)
  return new Map(
    models.map((entry) => {
      const [name = '', weights = ''] = entry.split('=')
      const byVersion = weights
        .split(',')
        .map((pair) => pair.split(':').map((part) => Number(part.trim())) as [number, number])
      return [name, new Map(byVersion)]
    }),
  )
}
