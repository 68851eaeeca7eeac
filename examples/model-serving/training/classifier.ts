import { computeLogits, type DenseLayer, roundLayersToFloat32 } from './dense-network.js'
import { type Standardization, standardize } from './iris-data.js'
import { argmaxRows, type Matrix, softmaxRows } from './matrix.js'

/** Everything the exported graph contains: raw cm in, standardise, dense layers, softmax out. */
export interface Classifier {
  standardization: Standardization
  layers: DenseLayer[]
}

export interface Predictions {
  probabilities: Matrix
  /** Class indices, argmax of the logits (the same tensor the ONNX ArgMax reads). */
  labels: number[]
}

/** The classifier exactly as exported: every parameter rounded to float32. */
export function asExported(classifier: Classifier): Classifier {
  return {
    standardization: {
      mean: classifier.standardization.mean.map(Math.fround),
      std: classifier.standardization.std.map(Math.fround),
    },
    layers: roundLayersToFloat32(classifier.layers),
  }
}

/** Predicts from raw measurements, rounded to float32 first because the ONNX input is FLOAT. */
export function predict(classifier: Classifier, rawFeatures: Matrix): Predictions {
  const inputs = rawFeatures.map((row) => row.map(Math.fround))
  const logits = computeLogits(classifier.layers, standardize(inputs, classifier.standardization))
  return { probabilities: softmaxRows(logits), labels: argmaxRows(logits) }
}
