import type { ModelVersionRef } from './model-store.port.js'

/** What serving tells whoever watches it: how models are used and what they predict. */
export interface InferenceMetrics {
  /** A batch of `rows` instances ran on a model version in `seconds`. */
  batchRan(model: ModelVersionRef, rows: number, seconds: number): void
  /** A model version predicted the class `label` for `count` instances. */
  classPredicted(model: ModelVersionRef, label: string, count: number): void
}
