import { type ClassReader, labelOf } from '../model/classification.js'
import { rulesOf, type TensorData } from '../model/datatype.js'
import { instanceShape, type ModelSignature, type TensorSpec, valuesPerInstance } from '../model/signature.js'

/**
 * What a model predicts for one instance: `class` when the model names its classes, then each output
 * (an output named class takes its place).
 */
export type Prediction = Record<string, unknown>

/**
 * One prediction per row of a batch's outputs. An output of one value per instance becomes that
 * value; any other becomes (nested) arrays in the output's shape.
 */
export function predictionsOf(
  signature: ModelSignature,
  outputs: readonly TensorData[],
  rows: number,
  classOf: ClassReader | undefined,
): Prediction[] {
  const predictions = new Array<Prediction>(rows)
  for (let row = 0; row < rows; row++) {
    const prediction: Prediction = {}
    if (classOf) prediction.class = labelOf(signature, classOf(outputs, row))
    signature.outputs.forEach((spec, index) => {
      const array = outputs[index]
      if (array) prediction[spec.name] = instanceValue(spec, array, row)
    })
    predictions[row] = prediction
  }
  return predictions
}

function instanceValue(spec: TensorSpec, array: TensorData, row: number): unknown {
  const { read } = rulesOf(spec.datatype)
  const size = valuesPerInstance(spec)
  const shape = instanceShape(spec)
  if (shape.length === 0) return read(array, row)
  return nest(shape, 0, (index) => read(array, row * size + index), 0)
}

function nest(
  shape: readonly number[],
  depth: number,
  read: (index: number) => unknown,
  offset: number,
): unknown[] {
  const length = shape[depth] ?? 0
  const stride = shape.slice(depth + 1).reduce((product, size) => product * size, 1)
  const values = new Array<unknown>(length)
  for (let index = 0; index < length; index++) {
    values[index] =
      depth === shape.length - 1
        ? read(offset + index)
        : nest(shape, depth + 1, read, offset + index * stride)
  }
  return values
}
