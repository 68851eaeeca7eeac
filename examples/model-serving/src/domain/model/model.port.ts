import type { TrainingProfile } from '../drift/training-profile.js'
import type { TensorData } from './datatype.js'
import type { ModelSignature } from './signature.js'

/** Rows of input, one typed array per input of the signature, in signature order. */
export interface Batch {
  readonly rows: number
  readonly inputs: readonly TensorData[]
}

/** A loaded model version, ready to run. */
export interface Model {
  readonly name: string
  readonly version: number
  readonly signature: ModelSignature
  /** What it was trained on, for drift to be measured against; absent when its metadata has none. */
  readonly profile?: TrainingProfile
  /** Runs one batch; answers one typed array per output of the signature, in signature order. */
  run(batch: Batch): Promise<readonly TensorData[]>
  /** Frees what the model holds (memory, threads); the model runs no more. */
  close(): Promise<void>
}
