import type { DenseLayer } from './dense-network.js'
import type { LabelledSamples } from './iris-data.js'
import { at } from './matrix.js'
import { adam, trainFullBatch } from './optimizers.js'
import { createRandom, type Random, sampleNormal } from './random.js'
import type { TrainedNetwork } from './trained-network.js'

const HYPERPARAMETERS = {
  hidden_units: 16,
  hidden_activation: 'relu',
  optimizer: 'full-batch Adam',
  learning_rate: 0.01,
  epochs: 500,
  l2: 1e-4,
} as const

/** One hidden ReLU layer followed by a linear layer into softmax. */
export function trainMlp(samples: LabelledSamples, classCount: number, seed: number): TrainedNetwork {
  const random = createRandom(seed)
  const featureCount = at(samples.features, 0).length
  const layers: DenseLayer[] = [
    initialLayer(featureCount, HYPERPARAMETERS.hidden_units, 'relu', random),
    initialLayer(HYPERPARAMETERS.hidden_units, classCount, 'identity', random),
  ]
  const { finalLoss } = trainFullBatch(layers, samples, {
    epochs: HYPERPARAMETERS.epochs,
    l2: HYPERPARAMETERS.l2,
    optimizer: adam({ learningRate: HYPERPARAMETERS.learning_rate }),
  })
  return { layers, finalLoss, hyperparameters: { ...HYPERPARAMETERS, init_seed: seed } }
}

/** He initialisation for ReLU layers, Glorot for the linear output layer; biases start at zero. */
function initialLayer(
  inputs: number,
  outputs: number,
  activation: DenseLayer['activation'],
  random: Random,
): DenseLayer {
  const scale = activation === 'relu' ? Math.sqrt(2 / inputs) : Math.sqrt(2 / (inputs + outputs))
  return {
    weights: Array.from({ length: inputs }, () =>
      Array.from({ length: outputs }, () => scale * sampleNormal(random)),
    ),
    bias: new Array<number>(outputs).fill(0),
    activation,
  }
}
