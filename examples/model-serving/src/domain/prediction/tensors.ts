import { type Datatype, type ElementValue, rulesOf, type TensorData } from '../model/datatype.js'
import type { Batch } from '../model/model.port.js'
import { formatShape, type ModelSignature, type TensorSpec, valuesPerInstance } from '../model/signature.js'
import { describeFailure } from './instances.js'
import {
  InstanceMismatchError,
  quoted,
  TensorMismatchError,
  TooManyInstancesError,
  UnknownOutputError,
} from './prediction.errors.js'
import { writeShaped } from './shaped-values.js'

/** A tensor as an inference request carries it: data flat in row-major order, or nested as its shape. */
export interface InputTensor {
  readonly name: string
  readonly datatype: string
  readonly shape: readonly number[]
  readonly data: unknown
}

/** A tensor as an inference response carries it: data flat, in row-major order. */
export interface OutputTensor {
  readonly name: string
  readonly datatype: Datatype
  readonly shape: readonly number[]
  readonly data: ElementValue[]
}

/**
 * Turns the input tensors of an inference request into a batch: the first dimension of every
 * tensor counts instances, and all must count the same. Each tensor must match the datatype and the
 * shape of the model's input of the same name. The instance count is checked before any memory is taken.
 */
export function decodeTensors(
  signature: ModelSignature,
  tensors: readonly InputTensor[],
  maxInstances: number,
): Batch {
  checkNames(signature, tensors)
  let rows: number | undefined
  const inputs = signature.inputs.map((spec) => {
    const tensor = tensors.find((candidate) => candidate.name === spec.name)
    if (!tensor) throw new TensorMismatchError(`input "${spec.name}" is missing`)
    checkTensor(spec, tensor)
    const tensorRows = tensor.shape[0] ?? 0
    if (tensorRows > maxInstances) throw new TooManyInstancesError(tensorRows, maxInstances)
    if (rows !== undefined && tensorRows !== rows) {
      throw new TensorMismatchError(
        `every input must hold as many instances (first dimension): "${spec.name}" holds ${tensorRows}, ` +
          `the inputs before it ${rows}`,
      )
    }
    rows = tensorRows
    return writeTensor(spec, tensor, tensorRows)
  })
  return { rows: rows ?? 0, inputs }
}

/** The outputs asked for, every output when none is named; throws for a name the model lacks. */
export function selectOutputs(signature: ModelSignature, requested: readonly string[] = []): TensorSpec[] {
  if (requested.length === 0) return [...signature.outputs]
  const names = signature.outputs.map((spec) => spec.name)
  return requested.map((name) => {
    const spec = signature.outputs.find((candidate) => candidate.name === name)
    if (!spec) throw new UnknownOutputError(name, names)
    return spec
  })
}

/** The chosen outputs of a batch's results as response tensors. */
export function outputTensorsOf(
  signature: ModelSignature,
  outputs: readonly TensorData[],
  rows: number,
  chosen: readonly TensorSpec[],
): OutputTensor[] {
  return chosen.map((spec) => {
    const array = outputs[signature.outputs.indexOf(spec)]
    const length = rows * valuesPerInstance(spec)
    const { read } = rulesOf(spec.datatype)
    const data = new Array<ElementValue>(length)
    for (let index = 0; index < length; index++) data[index] = array ? read(array, index) : 0
    return { name: spec.name, datatype: spec.datatype, shape: [rows, ...spec.shape.slice(1)], data }
  })
}

function checkNames(signature: ModelSignature, tensors: readonly InputTensor[]): void {
  const names = signature.inputs.map((spec) => spec.name)
  const seen = new Set<string>()
  for (const { name } of tensors) {
    if (!names.includes(name)) {
      throw new TensorMismatchError(`the model has no input "${name}"; its inputs are ${quoted(names)}`)
    }
    if (seen.has(name)) throw new TensorMismatchError(`input "${name}" is given more than once`)
    seen.add(name)
  }
}

function checkTensor(spec: TensorSpec, tensor: InputTensor): void {
  if (tensor.datatype !== spec.datatype) {
    throw new TensorMismatchError(
      `input "${spec.name}": expected datatype ${spec.datatype}, got ${tensor.datatype}`,
    )
  }
  const [rows = 0, ...rest] = tensor.shape
  const fits =
    tensor.shape.length === spec.shape.length &&
    rows >= 1 &&
    rest.every((size, index) => size === spec.shape[index + 1])
  if (!fits) {
    throw new TensorMismatchError(
      `input "${spec.name}": expected shape ${formatShape(spec.shape)} (-1: one or more instances), ` +
        `got ${formatShape(tensor.shape)}`,
    )
  }
}

function writeTensor(spec: TensorSpec, tensor: InputTensor, rows: number): TensorData {
  const array = rulesOf(spec.datatype).allocate(rows * valuesPerInstance(spec))
  const failure = writeShaped(tensor.data, tensor.shape, spec, array, 0)
  if (!failure) return array
  const [instance, ...position] = failure.at ?? []
  if (instance === undefined)
    throw new TensorMismatchError(describeFailure(spec, { reason: `data: ${failure.reason}` }))
  throw new InstanceMismatchError(instance, describeFailure(spec, { at: position, reason: failure.reason }))
}
