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

function readConfig(env: NodeJS.ProcessEnv) {
  const config = convict(configSchema, { env, args: [] })
  config.validate({ allowed: 'strict' })
  return config.getProperties()
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
