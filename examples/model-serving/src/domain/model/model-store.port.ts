import type { Model } from './model.port.js'

/** A model version as a store lists it, before it is loaded. */
export interface ModelVersionRef {
  readonly name: string
  readonly version: number
}

/** Where models live: a folder, a bucket, a registry. */
export interface ModelStore {
  /** Every model version the store holds, ordered by name, then version. */
  list(): Promise<ModelVersionRef[]>
  /** Loads a version so it can run; rejects with the reason when it cannot. */
  load(ref: ModelVersionRef): Promise<Model>
}
