import { rulesOf, type TensorData } from './datatype.js'
import type { Batch } from './model.port.js'
import { type ModelSignature, valuesPerInstance } from './signature.js'

/** Several batches as one, rows in order: what dynamic batching hands the model. */
export function mergeBatches(signature: ModelSignature, batches: readonly Batch[]): Batch {
  const rows = batches.reduce((total, batch) => total + batch.rows, 0)
  const inputs = signature.inputs.map((spec, input) => {
    const size = valuesPerInstance(spec)
    const merged = rulesOf(spec.datatype).allocate(rows * size)
    let offset = 0
    for (const batch of batches) {
      const part = batch.inputs[input]
      if (part) setAt(merged, part, offset * size)
      offset += batch.rows
    }
    return merged
  })
  return { rows, inputs }
}

/** The outputs of a merged batch, cut back into one set of outputs per original batch (views, no copies). */
export function splitOutputs(
  signature: ModelSignature,
  outputs: readonly TensorData[],
  batches: readonly Batch[],
): TensorData[][] {
  const sizes = signature.outputs.map(valuesPerInstance)
  let offset = 0
  return batches.map((batch) => {
    const start = offset
    offset += batch.rows
    return outputs.map((output, index) => {
      const size = sizes[index] ?? 1
      return output.subarray(start * size, offset * size)
    })
  })
}

/** A batch cut into batches of at most `maxRows` rows (views, no copies). */
export function splitBatch(signature: ModelSignature, batch: Batch, maxRows: number): Batch[] {
  if (batch.rows <= maxRows) return [batch]
  const sizes = signature.inputs.map(valuesPerInstance)
  const parts: Batch[] = []
  for (let start = 0; start < batch.rows; start += maxRows) {
    const end = Math.min(start + maxRows, batch.rows)
    const inputs = batch.inputs.map((input, index) => {
      const size = sizes[index] ?? 1
      return input.subarray(start * size, end * size)
    })
    parts.push({ rows: end - start, inputs })
  }
  return parts
}

/** TypedArray.set, across the union: both arrays always share a datatype here. */
function setAt(target: TensorData, source: TensorData, offset: number): void {
  ;(target as Float32Array).set(source as Float32Array, offset)
}
