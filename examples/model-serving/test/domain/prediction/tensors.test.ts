import { describe, expect, it } from 'vitest'
import type { ModelSignature } from '../../../src/domain/model/signature.js'
import {
  InstanceMismatchError,
  TensorMismatchError,
  TooManyInstancesError,
  UnknownOutputError,
} from '../../../src/domain/prediction/prediction.errors.js'
import { decodeTensors, outputTensorsOf, selectOutputs } from '../../../src/domain/prediction/tensors.js'

const signature: ModelSignature = {
  inputs: [{ name: 'input', datatype: 'FP32', shape: [-1, 4] }],
  outputs: [
    { name: 'probabilities', datatype: 'FP32', shape: [-1, 3] },
    { name: 'label', datatype: 'INT64', shape: [-1] },
  ],
  labels: [],
}
const tensor = (overrides: object = {}) => ({
  name: 'input',
  datatype: 'FP32',
  shape: [2, 4],
  data: [1, 2, 3, 4, 5, 6, 7, 8],
  ...overrides,
})

describe('decoding input tensors', () => {
  it('reads a tensor with flat data, and one with nested data', () => {
    const flat = decodeTensors(signature, [tensor()], 100)
    const nested = decodeTensors(
      signature,
      [
        tensor({
          data: [
            [1, 2, 3, 4],
            [5, 6, 7, 8],
          ],
        }),
      ],
      100,
    )

    expect(flat).toEqual({ rows: 2, inputs: [new Float32Array([1, 2, 3, 4, 5, 6, 7, 8])] })
    expect(nested).toEqual(flat)
  })

  it.each([
    [{ datatype: 'INT64' }, 'input "input": expected datatype FP32, got INT64'],
    [{ shape: [2, 3] }, 'input "input": expected shape [-1, 4] (-1: one or more instances), got [2, 3]'],
    [{ shape: [8] }, 'input "input": expected shape [-1, 4] (-1: one or more instances), got [8]'],
    [
      { shape: [0, 4], data: [] },
      'input "input": expected shape [-1, 4] (-1: one or more instances), got [0, 4]',
    ],
    [{ data: [1, 2, 3] }, 'input "input": data: expected shape [2, 4], got [3]'],
    [{ name: 'pixels' }, 'the model has no input "pixels"; its inputs are "input"'],
  ])('refuses a tensor with %j', (overrides, message) => {
    expect(() => decodeTensors(signature, [tensor(overrides)], 100)).toThrow(new TensorMismatchError(message))
  })

  it('names the instance and position of a value that is not of the datatype', () => {
    const decode = () => decodeTensors(signature, [tensor({ data: [1, 2, 3, 4, 5, 6, 'x', 8] })], 100)

    expect(decode).toThrow(InstanceMismatchError)
    expect(decode).toThrow('instance 1: input "input" at [2]: "x" is a string, not a number')
  })

  it('refuses a missing input, a repeated one, and more instances than allowed before taking memory', () => {
    expect(() => decodeTensors(signature, [], 100)).toThrow('input "input" is missing')
    expect(() => decodeTensors(signature, [tensor(), tensor()], 100)).toThrow(
      'input "input" is given more than once',
    )
    expect(() => decodeTensors(signature, [tensor({ shape: [1e9, 4] })], 100)).toThrow(TooManyInstancesError)
  })
})

describe('output tensors', () => {
  const outputs = [new Float32Array([0.5, 0.25, 0.25, 0, 1, 0]), new BigInt64Array([0n, 1n])]

  it('answers every output, flat, with the instance count as first dimension', () => {
    expect(outputTensorsOf(signature, outputs, 2, selectOutputs(signature))).toEqual([
      { name: 'probabilities', datatype: 'FP32', shape: [2, 3], data: [0.5, 0.25, 0.25, 0, 1, 0] },
      { name: 'label', datatype: 'INT64', shape: [2], data: [0, 1] },
    ])
  })

  it('answers only the outputs asked for, and refuses one the model lacks', () => {
    expect(outputTensorsOf(signature, outputs, 2, selectOutputs(signature, ['label']))).toEqual([
      { name: 'label', datatype: 'INT64', shape: [2], data: [0, 1] },
    ])
    expect(() => selectOutputs(signature, ['logits'])).toThrow(UnknownOutputError)
  })
})
