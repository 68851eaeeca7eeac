import type { Datatype } from './datatype.js'

/** A dimension of any size: the batch dimension, always the first, is one. */
export const ANY_SIZE = -1

/** One named input or output of a model. */
export interface TensorSpec {
  readonly name: string
  readonly datatype: Datatype
  /** Dimension sizes; the first is the batch dimension (ANY_SIZE), the others are fixed. */
  readonly shape: readonly number[]
}

/** What a model takes and gives, and how to name the classes it predicts. */
export interface ModelSignature {
  readonly inputs: readonly TensorSpec[]
  readonly outputs: readonly TensorSpec[]
  /** Class names, in the order of the model's class indices; empty when the model names none. */
  readonly labels: readonly string[]
}

/** The shape of one instance: the tensor's shape without its batch dimension. */
export function instanceShape(spec: TensorSpec): readonly number[] {
  return spec.shape.slice(1)
}

/** How many values one instance holds for this tensor. */
export function valuesPerInstance(spec: TensorSpec): number {
  return instanceShape(spec).reduce((product, size) => product * size, 1)
}

/**
 * Why instances of this signature cannot be batched, or undefined when they can: every tensor must
 * have a batch dimension of any size first, and fixed sizes after it.
 */
export function batchingProblem(signature: ModelSignature): string | undefined {
  if (signature.inputs.length === 0) return 'the model has no inputs'
  for (const spec of [...signature.inputs, ...signature.outputs]) {
    const [batch, ...rest] = spec.shape
    if (batch !== ANY_SIZE) {
      return `${spec.name} has shape ${formatShape(spec.shape)}: its first dimension must be the batch, of any size`
    }
    if (rest.some((size) => !Number.isInteger(size) || size < 1)) {
      return `${spec.name} has shape ${formatShape(spec.shape)}: every dimension after the batch must be fixed`
    }
  }
  return undefined
}

/** [-1, 4] reads as [-1, 4]: the notation KServe and Vertex AI use. */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`
}
