import { crossEntropyGradients, type DenseLayer, type LayerGradient } from './dense-network.js'
import type { LabelledSamples } from './iris-data.js'
import { at, type Vector } from './matrix.js'

/** Updates the layers in place from one set of gradients. */
export interface Optimizer {
  step(layers: DenseLayer[], gradients: readonly LayerGradient[]): void
}

export interface FitOptions {
  epochs: number
  l2: number
  optimizer: Optimizer
}

/** Full-batch training: one gradient step per epoch over all samples, so the result is deterministic. */
export function trainFullBatch(
  layers: DenseLayer[],
  samples: LabelledSamples,
  options: FitOptions,
): { finalLoss: number } {
  let finalLoss = Number.NaN
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const { loss, gradients } = crossEntropyGradients(layers, samples.features, samples.labels, options.l2)
    options.optimizer.step(layers, gradients)
    finalLoss = loss
  }
  return { finalLoss }
}

export function gradientDescent(learningRate: number): Optimizer {
  return {
    step(layers, gradients) {
      layers.forEach((layer, index) => {
        forEachParameter(parameterRows(layer), parameterRows(at(gradients, index)), (params, grads, i) => {
          params[i] = at(params, i) - learningRate * at(grads, i)
        })
      })
    },
  }
}

export interface AdamOptions {
  learningRate: number
  beta1?: number
  beta2?: number
  epsilon?: number
}

export function adam({ learningRate, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8 }: AdamOptions): Optimizer {
  let firstMoments: LayerGradient[] | undefined
  let secondMoments: LayerGradient[] | undefined
  let stepCount = 0
  return {
    step(layers, gradients) {
      firstMoments ??= gradients.map(zerosLike)
      secondMoments ??= gradients.map(zerosLike)
      stepCount++
      const firstCorrection = 1 - beta1 ** stepCount
      const secondCorrection = 1 - beta2 ** stepCount
      for (let index = 0; index < layers.length; index++) {
        const mRows = parameterRows(at(firstMoments, index))
        const vRows = parameterRows(at(secondMoments, index))
        forEachParameter(
          parameterRows(at(layers, index)),
          parameterRows(at(gradients, index)),
          (params, grads, i, row) => {
            const m = at(mRows, row)
            const v = at(vRows, row)
            const gradient = at(grads, i)
            m[i] = beta1 * at(m, i) + (1 - beta1) * gradient
            v[i] = beta2 * at(v, i) + (1 - beta2) * gradient ** 2
            params[i] =
              at(params, i) -
              (learningRate * (at(m, i) / firstCorrection)) /
                (Math.sqrt(at(v, i) / secondCorrection) + epsilon)
          },
        )
      }
    },
  }
}

/** Weights rows followed by the bias, so optimizers can treat every parameter alike. */
function parameterRows(parameters: LayerGradient): Vector[] {
  return [...parameters.weights, parameters.bias]
}

function forEachParameter(
  parameterRowList: Vector[],
  gradientRowList: Vector[],
  update: (params: Vector, grads: Vector, column: number, row: number) => void,
): void {
  parameterRowList.forEach((params, row) => {
    for (let column = 0; column < params.length; column++)
      update(params, at(gradientRowList, row), column, row)
  })
}

function zerosLike(gradient: LayerGradient): LayerGradient {
  return {
    weights: gradient.weights.map((row) => row.map(() => 0)),
    bias: gradient.bias.map(() => 0),
  }
}
