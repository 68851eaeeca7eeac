import { rulesOf } from '../model/datatype.js'
import type { Batch } from '../model/model.port.js'
import { instanceShape, type ModelSignature, type TensorSpec, valuesPerInstance } from '../model/signature.js'
import { InstanceMismatchError, quoted } from './prediction.errors.js'
import { type WriteFailure, writeShaped } from './shaped-values.js'

/** Turns the instances of a predict request into a batch for the model. */
export type InstanceEncoder = (instances: readonly unknown[]) => Batch

interface InputLayout {
  readonly spec: TensorSpec
  readonly shape: readonly number[]
  readonly size: number
}

/**
 * An instance is the value of the model's only input (nested arrays in the input's shape, or one
 * flat array), or an object holding a value for each input by name. The first instance that does
 * not fit fails the whole request, naming the instance and the reason.
 */
export function instanceEncoderFor(signature: ModelSignature): InstanceEncoder {
  const layouts = signature.inputs.map((spec) => ({
    spec,
    shape: instanceShape(spec),
    size: valuesPerInstance(spec),
  }))
  const [first] = layouts
  return first && layouts.length === 1 ? oneInputEncoder(first) : namedInputsEncoder(layouts)
}

function oneInputEncoder({ spec, shape, size }: InputLayout): InstanceEncoder {
  const rules = rulesOf(spec.datatype)
  return (instances) => {
    const rows = instances.length
    const array = rules.allocate(rows * size)
    for (let row = 0; row < rows; row++) {
      const instance = instances[row]
      const value = isRecord(instance) && Object.hasOwn(instance, spec.name) ? instance[spec.name] : instance
      const failure = writeShaped(value, shape, spec, array, row * size)
      if (failure) throw new InstanceMismatchError(row, describeFailure(spec, failure))
    }
    return { rows, inputs: [array] }
  }
}

function namedInputsEncoder(layouts: readonly InputLayout[]): InstanceEncoder {
  const names = layouts.map(({ spec }) => spec.name)
  return (instances) => {
    const rows = instances.length
    const targets = layouts.map((layout) => ({
      ...layout,
      array: rulesOf(layout.spec.datatype).allocate(rows * layout.size),
    }))
    for (let row = 0; row < rows; row++) {
      const instance = instances[row]
      if (!isRecord(instance)) {
        throw new InstanceMismatchError(
          row,
          `expected an object with a value for each input (${quoted(names)})`,
        )
      }
      const unknown = Object.keys(instance).find((name) => !names.includes(name))
      if (unknown !== undefined) {
        throw new InstanceMismatchError(
          row,
          `the model has no input "${unknown}"; its inputs are ${quoted(names)}`,
        )
      }
      for (const { spec, shape, size, array } of targets) {
        if (!Object.hasOwn(instance, spec.name))
          throw new InstanceMismatchError(row, `input "${spec.name}" is missing`)
        const failure = writeShaped(instance[spec.name], shape, spec, array, row * size)
        if (failure) throw new InstanceMismatchError(row, describeFailure(spec, failure))
      }
    }
    return { rows, inputs: targets.map(({ array }) => array) }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `input "input" at [2]: "abc" is a string, not a number` */
export function describeFailure(spec: TensorSpec, { at, reason }: WriteFailure): string {
  const position = at && at.length > 0 ? ` at [${at.join(', ')}]` : ''
  return `input "${spec.name}"${position}: ${reason}`
}
