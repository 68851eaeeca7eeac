import type { DenseLayer } from './dense-network.js'

/** Hyperparameters (snake_case, as written to metadata.json) let a model be traced back to how it was made. */
export interface TrainedNetwork {
  layers: DenseLayer[]
  finalLoss: number
  hyperparameters: Record<string, number | string>
}
