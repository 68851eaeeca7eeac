import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import convict from 'convict'

export class ConfigError extends Error {
  override readonly name = 'ConfigError'
}

/** The service folder, whether this module runs from src/ or bundled in dist/: relative paths start here. */
export const serviceRoot = nearestPackageFolder(fileURLToPath(new URL('.', import.meta.url)))

function nearestPackageFolder(folder: string): string {
  if (existsSync(join(folder, 'package.json')) || dirname(folder) === folder) return folder
  return nearestPackageFolder(dirname(folder))
}

/**
 * Every setting of `schema`, read from `env` and validated; a ConfigError names each variable that
 * is wrong, and one that no setting reads is not an error (the environment holds much else).
 */
export function readSettings<Schema extends object>(schema: convict.Schema<Schema>, env: NodeJS.ProcessEnv) {
  try {
    const config = convict(schema, { env, args: [] })
    config.validate({ allowed: 'strict' })
    return config.getProperties()
  } catch (error) {
    throw new ConfigError(nameVariables(String((error as Error).message), schema))
  }
}

/** convict reports `http.port: must be ...`; an operator knows the setting as PORT. */
function nameVariables(message: string, schema: object): string {
  const variables = environmentVariablesByKey(schema)
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
