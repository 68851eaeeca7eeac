import { describe, expect, it } from 'vitest'
import {
  batchingProblem,
  instanceShape,
  type ModelSignature,
  valuesPerInstance,
} from '../../../src/domain/model/signature.js'

const image = { name: 'image', datatype: 'FP32', shape: [-1, 2, 3] } as const

describe('a model signature', () => {
  it('knows the shape and size of one instance', () => {
    expect(instanceShape(image)).toEqual([2, 3])
    expect(valuesPerInstance(image)).toBe(6)
    expect(valuesPerInstance({ name: 'label', datatype: 'INT64', shape: [-1] })).toBe(1)
  })

  it('can be batched when every tensor has a batch dimension first and fixed sizes after', () => {
    const signature: ModelSignature = { inputs: [image], outputs: [{ ...image, name: 'out' }], labels: [] }

    expect(batchingProblem(signature)).toBeUndefined()
  })

  it.each([
    [[4], 'image has shape [4]: its first dimension must be the batch, of any size'],
    [[1, 4], 'image has shape [1, 4]: its first dimension must be the batch, of any size'],
    [[-1, -1], 'image has shape [-1, -1]: every dimension after the batch must be fixed'],
  ])('cannot be batched with an input of shape %j', (shape, problem) => {
    const signature: ModelSignature = { inputs: [{ ...image, shape }], outputs: [], labels: [] }

    expect(batchingProblem(signature)).toBe(problem)
  })
})
