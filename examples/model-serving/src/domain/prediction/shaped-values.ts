import { rulesOf, type TensorData } from '../model/datatype.js'
import { formatShape, type TensorSpec } from '../model/signature.js'

/** Why a value could not be written: at which position (when a single element is at fault) and why. */
export interface WriteFailure {
  readonly at?: readonly number[]
  readonly reason: string
}

/**
 * Writes `value`, laid out as `shape` (as nested arrays, or as one flat array of every element),
 * into `array` from `offset`, checking each element against the tensor's datatype.
 * Answers undefined when every element fits, so the common case allocates nothing.
 */
export function writeShaped(
  value: unknown,
  shape: readonly number[],
  spec: TensorSpec,
  array: TensorData,
  offset: number,
): WriteFailure | undefined {
  const rules = rulesOf(spec.datatype)
  if (shape.length === 0) {
    const reason = rules.write(array, offset, value)
    return reason === undefined ? undefined : { reason }
  }
  const size = shape.reduce((product, dimension) => product * dimension, 1)
  if (Array.isArray(value) && value.length === size && (shape.length === 1 || !Array.isArray(value[0]))) {
    for (let index = 0; index < size; index++) {
      const reason = rules.write(array, offset + index, value[index])
      if (reason !== undefined) return { at: positionOf(index, shape), reason }
    }
    return undefined
  }
  const nested = writeNested(value, shape, 0, spec, array, offset)
  if (nested !== 'shape') return nested
  return { reason: `expected shape ${formatShape(shape)}, got ${describeShape(value, shape.length)}` }
}

/** Walks nested arrays dimension by dimension; 'shape' when the nesting does not match. */
function writeNested(
  value: unknown,
  shape: readonly number[],
  depth: number,
  spec: TensorSpec,
  array: TensorData,
  offset: number,
): WriteFailure | 'shape' | undefined {
  if (depth === shape.length) {
    const reason = rulesOf(spec.datatype).write(array, offset, value)
    return reason === undefined ? undefined : { at: [], reason }
  }
  if (!Array.isArray(value) || value.length !== shape[depth]) return 'shape'
  const stride = shape.slice(depth + 1).reduce((product, dimension) => product * dimension, 1)
  for (let index = 0; index < value.length; index++) {
    const failure = writeNested(value[index], shape, depth + 1, spec, array, offset + index * stride)
    if (failure === 'shape') return failure
    if (failure) return { at: [index, ...(failure.at ?? [])], reason: failure.reason }
  }
  return undefined
}

/** The position of the flat index `index` in a tensor of `shape`. */
function positionOf(index: number, shape: readonly number[]): number[] {
  const position = new Array<number>(shape.length)
  let rest = index
  for (let dimension = shape.length - 1; dimension >= 0; dimension--) {
    const size = shape[dimension] ?? 1
    position[dimension] = rest % size
    rest = Math.floor(rest / size)
  }
  return position
}

/**
 * [2] for [1, 2]. The shape follows the first element at each level, one level deeper than the
 * expected shape at most, so that no nesting a client sends can exhaust the stack.
 */
function describeShape(value: unknown, rank: number): string {
  if (!Array.isArray(value)) return value === null ? 'null' : `a single ${typeof value}`
  const shape: number[] = []
  let level: unknown = value
  while (Array.isArray(level) && shape.length <= rank) {
    shape.push(level.length)
    level = level[0]
  }
  const text = `[${shape.join(', ')}${Array.isArray(level) ? ', …' : ''}]`
  return isRagged(value, rank) ? `a ragged array (${text} at its start)` : text
}

/** Whether arrays at the same depth differ in length, looking `depth` levels down at most. */
function isRagged(value: unknown[], depth: number): boolean {
  if (depth === 0) return false
  const first = value[0]
  if (!Array.isArray(first)) return value.some(Array.isArray)
  return value.some(
    (item) => !Array.isArray(item) || item.length !== first.length || isRagged(item, depth - 1),
  )
}
