import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { UsageError } from './usage-error.js'

export const anatomyFileName = '.anatomy.json'

/**
 * What a service was generated from and with: the template version and every answer, so a
 * later `anatomy update` can regenerate the same files from a newer template and merge them.
 */
export interface AnatomyFile {
  readonly template: { readonly name: 'anatomy'; readonly version: string }
  readonly service: { readonly name: string; readonly description: string }
  readonly resources: readonly RecordedResource[]
  readonly gateways?: readonly RecordedGateway[]
  readonly consumers?: readonly RecordedConsumer[]
  /** A team's folder of template overrides, relative to the service or absolute. */
  readonly templates?: string
}

export interface RecordedConsumer {
  /** The queue's name after the service's prefix: `pet-arrivals`. */
  readonly name: string
  /** The use case each message calls: `pets.addPet`. */
  readonly useCase: string
}

export interface RecordedGateway {
  /** The port: `pet-directory`. */
  readonly name: string
  /** The remote: `pets`. */
  readonly remote: string
  /** Where its OpenAPI document was read: a URL, or a file relative to the service. */
  readonly openapi: string
  /** The operations the port offers; all of them when absent. */
  readonly operations?: readonly string[]
}

export interface RecordedResource {
  readonly name: string
  readonly fields: string
  readonly migration: string
  /** Fields added later with `anatomy add field`, each with the migration that added it. */
  readonly addedFields?: readonly RecordedField[]
}

export interface RecordedField {
  readonly field: string
  readonly migration: string
}

export function serializeAnatomyFile(file: AnatomyFile): string {
  return `${JSON.stringify(file, null, 2)}\n`
}

export function readAnatomyFile(serviceDir: string): AnatomyFile {
  const path = join(serviceDir, anatomyFileName)
  if (!existsSync(path)) {
    throw new UsageError(`${serviceDir} is not an anatomy service: it has no ${anatomyFileName}`)
  }
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as AnatomyFile
  } catch {
    throw new UsageError(`${path} is not valid JSON`)
  }
}
