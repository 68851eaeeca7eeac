import type { TensorData } from './datatype.js'
import { type ModelSignature, valuesPerInstance } from './signature.js'

/** The class index predicted for one row of a batch's outputs. */
export type ClassReader = (outputs: readonly TensorData[], row: number) => number

const integerTypes = new Set(['UINT8', 'UINT16', 'UINT32', 'UINT64', 'INT8', 'INT16', 'INT32', 'INT64'])

/**
 * How to tell which class a model predicted, when it names its classes (labels): from the first
 * integer output with one value per instance (a class index), or else from the largest value of the
 * first output with one value per class (probabilities or scores). Undefined for other models.
 */
export function classReaderFor(signature: ModelSignature): ClassReader | undefined {
  const classCount = signature.labels.length
  if (classCount === 0) return undefined
  const outputs = signature.outputs
  const index = outputs.findIndex((spec) => integerTypes.has(spec.datatype) && valuesPerInstance(spec) === 1)
  if (index >= 0) return (data, row) => Number(data[index]?.[row])
  const scores = outputs.findIndex(
    (spec) => !integerTypes.has(spec.datatype) && valuesPerInstance(spec) === classCount,
  )
  if (scores >= 0) return (data, row) => indexOfLargest(data[scores], row * classCount, classCount)
  return undefined
}

/** The class name for an index, or the index itself when the model's labels do not cover it. */
export function labelOf(signature: ModelSignature, classIndex: number): string {
  return signature.labels[classIndex] ?? String(classIndex)
}

/** Ties go to the first, as ONNX ArgMax does. */
function indexOfLargest(values: TensorData | undefined, start: number, count: number): number {
  let best = 0
  for (let index = 1; index < count; index++) {
    if (Number(values?.[start + index]) > Number(values?.[start + best])) best = index
  }
  return best
}
