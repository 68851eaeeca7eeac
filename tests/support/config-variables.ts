import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { repositoryRoot } from './run.js'

/** Every environment variable a service reads, from its own convict schema. */
export async function configVariablesOf(service: string): Promise<Set<string>> {
  const url = pathToFileURL(join(repositoryRoot, service, 'src/config/config.schema.ts')).href
  const { configSchema } = (await import(url)) as { configSchema: object }
  return new Set(variablesIn(configSchema))
}

function variablesIn(schema: object): string[] {
  return Object.values(schema).flatMap((value) => {
    if (!value || typeof value !== 'object') return []
    return 'env' in value ? [String(value.env)] : variablesIn(value)
  })
}
