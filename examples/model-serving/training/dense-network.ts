import {
  addRowVector,
  at,
  type Matrix,
  matMul,
  softmaxRows,
  sumColumns,
  transpose,
  type Vector,
} from './matrix.js'

export type Activation = 'relu' | 'identity'

/** A fully connected layer computing activation(inputs · weights + bias). */
export interface DenseLayer {
  /** Shape [inputs][outputs], the layout ONNX Gemm expects for B without transB. */
  weights: Matrix
  bias: Vector
  activation: Activation
}

export interface LayerGradient {
  weights: Matrix
  bias: Vector
}

/** The output of the last layer, before softmax. */
export function computeLogits(layers: readonly DenseLayer[], inputs: Matrix): Matrix {
  return layers.reduce((activations, layer) => applyLayer(layer, activations), inputs)
}

/** Mean cross-entropy (plus L2 on the weights) and its gradient for every layer, by backpropagation. */
export function crossEntropyGradients(
  layers: readonly DenseLayer[],
  inputs: Matrix,
  labels: readonly number[],
  l2: number,
): { loss: number; gradients: LayerGradient[] } {
  const layerInputs: Matrix[] = []
  let activations = inputs
  for (const layer of layers) {
    layerInputs.push(activations)
    activations = applyLayer(layer, activations)
  }
  const probabilities = softmaxRows(activations)
  const sampleCount = inputs.length

  let loss =
    -labels.reduce((sum, label, row) => sum + Math.log(at(at(probabilities, row), label)), 0) / sampleCount
  // d(loss)/d(logits) for softmax followed by cross-entropy.
  let upstream = probabilities.map((row, rowIndex) =>
    row.map((p, column) => (p - (column === labels[rowIndex] ? 1 : 0)) / sampleCount),
  )

  const gradients: LayerGradient[] = new Array<LayerGradient>(layers.length)
  for (let index = layers.length - 1; index >= 0; index--) {
    const layer = at(layers, index)
    const layerInput = at(layerInputs, index)
    const weightGradient = matMul(transpose(layerInput), upstream)
    gradients[index] = {
      weights: weightGradient.map((row, i) => row.map((g, j) => g + l2 * at(at(layer.weights, i), j))),
      bias: sumColumns(upstream),
    }
    loss += (l2 / 2) * sumOfSquares(layer.weights)
    if (index > 0) {
      const previous = at(layers, index - 1)
      upstream = matMul(upstream, transpose(layer.weights))
      if (previous.activation === 'relu') {
        // layerInput is the ReLU output, so it is positive exactly where the gradient passes.
        upstream = upstream.map((row, r) => row.map((g, c) => (at(at(layerInput, r), c) > 0 ? g : 0)))
      }
    }
  }
  return { loss, gradients }
}

/** Rounds every parameter to float32, the precision the ONNX model stores. */
export function roundLayersToFloat32(layers: readonly DenseLayer[]): DenseLayer[] {
  return layers.map((layer) => ({
    weights: layer.weights.map((row) => row.map(Math.fround)),
    bias: layer.bias.map(Math.fround),
    activation: layer.activation,
  }))
}

function applyLayer(layer: DenseLayer, inputs: Matrix): Matrix {
  const linear = addRowVector(matMul(inputs, layer.weights), layer.bias)
  return layer.activation === 'relu' ? linear.map((row) => row.map((value) => Math.max(0, value))) : linear
}

function sumOfSquares(matrix: Matrix): number {
  return matrix.reduce((sum, row) => sum + row.reduce((rowSum, value) => rowSum + value * value, 0), 0)
}
