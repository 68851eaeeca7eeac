import { describe, expect, it } from 'vitest'
import type { ModelSignature } from '../../../src/domain/model/signature.js'
import { instanceEncoderFor } from '../../../src/domain/prediction/instances.js'
import { InstanceMismatchError } from '../../../src/domain/prediction/prediction.errors.js'

const iris: ModelSignature = {
  inputs: [{ name: 'input', datatype: 'FP32', shape: [-1, 4] }],
  outputs: [],
  labels: [],
}
const grid: ModelSignature = {
  inputs: [{ name: 'grid', datatype: 'INT32', shape: [-1, 2, 2] }],
  outputs: [],
  labels: [],
}
const twoInputs: ModelSignature = {
  inputs: [
    { name: 'age', datatype: 'FP32', shape: [-1] },
    { name: 'flags', datatype: 'BOOL', shape: [-1, 2] },
  ],
  outputs: [],
  labels: [],
}

function mismatch(signature: ModelSignature, instances: unknown[]): InstanceMismatchError {
  try {
    instanceEncoderFor(signature)(instances)
  } catch (error) {
    if (error instanceof InstanceMismatchError) return error
    throw error
  }
  throw new Error('every instance fitted')
}

describe('encoding instances', () => {
  it('writes each instance of a one-input model as one row', () => {
    const batch = instanceEncoderFor(iris)([
      [5.1, 3.5, 1.4, 0.2],
      [6.7, 3.1, 4.4, 1.4],
    ])

    expect(batch.rows).toBe(2)
    expect(batch.inputs[0]).toEqual(new Float32Array([5.1, 3.5, 1.4, 0.2, 6.7, 3.1, 4.4, 1.4]))
  })

  it('takes an instance that names the input, too', () => {
    const batch = instanceEncoderFor(iris)([{ input: [1, 2, 3, 4] }])

    expect(batch.inputs[0]).toEqual(new Float32Array([1, 2, 3, 4]))
  })

  it('takes instances nested in the shape of the input, or flat', () => {
    const batch = instanceEncoderFor(grid)([
      [
        [1, 2],
        [3, 4],
      ],
      [5, 6, 7, 8],
    ])

    expect(batch.inputs[0]).toEqual(new Int32Array([1, 2, 3, 4, 5, 6, 7, 8]))
  })

  it('writes each input of a model with several, by name', () => {
    const batch = instanceEncoderFor(twoInputs)([{ age: 31, flags: [true, false] }])

    expect(batch.inputs).toEqual([new Float32Array([31]), new Uint8Array([1, 0])])
  })

  it.each([
    [[[1, 2]], 0, 'instance 0: input "input": expected shape [4], got [2]'],
    [[[1, 2, 3, 4], 'abc'], 1, 'instance 1: input "input": expected shape [4], got a single string'],
    [
      [
        [1, 2, 3, 4],
        [1, 2, 'abc', 4],
      ],
      1,
      'instance 1: input "input" at [2]: "abc" is a string, not a number',
    ],
    [[[1, 2, 3, Number.NaN]], 0, 'instance 0: input "input" at [3]: NaN is not a finite number'],
    [[[1, 2, 3, 1e39]], 0, 'instance 0: input "input" at [3]: 1e+39 is out of range for FP32'],
    [[[1, 2, 3, null]], 0, 'instance 0: input "input" at [3]: null, not a number'],
  ])('refuses %j, naming instance %i: %s', (instances, index, message) => {
    const error = mismatch(iris, instances)

    expect(error.instance).toBe(index)
    expect(error.message).toBe(message)
    expect(error.code).toBe('PREDICTION.INSTANCE_INVALID')
  })

  it('names the position of a bad value in a nested instance, and a ragged one', () => {
    expect(
      mismatch(grid, [
        [
          [1, 2],
          [3, 4.5],
        ],
      ]).message,
    ).toBe('instance 0: input "grid" at [1, 1]: 4.5, not an integer')
    expect(mismatch(grid, [[[1, 2], [3]]]).message).toBe(
      'instance 0: input "grid": expected shape [2, 2], got a ragged array ([2, 2] at its start)',
    )
  })

  it('refuses an instance nested far deeper than the input, without running out of stack', () => {
    let deep: unknown = []
    for (let level = 0; level < 200_000; level++) deep = [deep]

    expect(mismatch(iris, [deep]).message).toBe(
      'instance 0: input "input": expected shape [4], got [1, 1, …]',
    )
    expect(mismatch(grid, [deep]).message).toBe(
      'instance 0: input "grid": expected shape [2, 2], got [1, 1, 1, …]',
    )
  })

  it('names a missing input, an unknown one, and an instance that is not an object', () => {
    expect(mismatch(twoInputs, [{ age: 1 }]).message).toBe('instance 0: input "flags" is missing')
    expect(mismatch(twoInputs, [{ age: 1, flags: [true, true], height: 2 }]).message).toBe(
      'instance 0: the model has no input "height"; its inputs are "age", "flags"',
    )
    expect(mismatch(twoInputs, [[1, 2]]).message).toBe(
      'instance 0: expected an object with a value for each input ("age", "flags")',
    )
  })
})
