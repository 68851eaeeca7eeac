import type { DenseLayer } from './dense-network.js'
import type { LabelledSamples } from './iris-data.js'
import { at, zeros } from './matrix.js'
import { gradientDescent, trainFullBatch } from './optimizers.js'
import type { TrainedNetwork } from './trained-network.js'

const HYPERPARAMETERS = {
  optimizer: 'full-batch gradient descent',
  learning_rate: 0.5,
  epochs: 2000,
  l2: 1e-3,
} as const

/** Multinomial logistic regression: a single linear layer whose logits go straight into softmax. */
export function trainSoftmaxRegression(samples: LabelledSamples, classCount: number): TrainedNetwork {
  const featureCount = at(samples.features, 0).length
  // The loss is convex, so zero initialisation is fine and needs no randomness.
  const layers: DenseLayer[] = [
    {
      weights: zeros(featureCount, classCount),
      bias: new Array<number>(classCount).fill(0),
      activation: 'identity',
    },
  ]
  const { finalLoss } = trainFullBatch(layers, samples, {
    epochs: HYPERPARAMETERS.epochs,
    l2: HYPERPARAMETERS.l2,
    optimizer: gradientDescent(HYPERPARAMETERS.learning_rate),
  })
  return { layers, finalLoss, hyperparameters: { ...HYPERPARAMETERS } }
}
