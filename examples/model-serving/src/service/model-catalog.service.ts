import type { ModelSignature } from '../domain/model/signature.js'
import type { ModelRegistry } from './model-registry.service.js'

export interface ModelStatus {
  readonly name: string
  readonly version: number
  readonly ready: boolean
}

export interface ModelDescription {
  readonly name: string
  readonly version: number
  /** Every served version of the model. */
  readonly versions: readonly number[]
  readonly signature: ModelSignature
}

/** What is served, whether it is ready, and what it takes and gives. */
export interface ModelCatalog {
  /** The served model names, the default first. */
  names(): string[]
  /** One version's readiness (the latest when absent); throws when the model or version is unknown. */
  status(name: string, version?: string): ModelStatus
  /** One version's signature (the latest when absent); throws when unknown or not loaded yet. */
  describe(name: string, version?: string): ModelDescription
}

export function createModelCatalog(registry: ModelRegistry): ModelCatalog {
  return {
    names: () => registry.names(),
    status(name, version) {
      const found = registry.find(name, version)
      return { name: found.name, version: found.version, ready: found.state.status === 'ready' }
    },
    describe(name, version) {
      const model = registry.ready(name, version)
      return {
        name: model.name,
        version: model.version,
        versions: registry.versionsOf(name).map((served) => served.version),
        signature: model.signature,
      }
    },
  }
}
