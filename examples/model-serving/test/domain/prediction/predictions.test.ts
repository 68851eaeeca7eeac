import { describe, expect, it } from 'vitest'
import { classReaderFor } from '../../../src/domain/model/classification.js'
import type { ModelSignature } from '../../../src/domain/model/signature.js'
import { predictionsOf } from '../../../src/domain/prediction/predictions.js'

const signature: ModelSignature = {
  inputs: [],
  outputs: [
    { name: 'probabilities', datatype: 'FP32', shape: [-1, 3] },
    { name: 'label', datatype: 'INT64', shape: [-1] },
    { name: 'embedding', datatype: 'INT32', shape: [-1, 2, 2] },
  ],
  labels: ['setosa', 'versicolor', 'virginica'],
}

describe('predictions', () => {
  it('gives each instance its class, then every output in its own shape', () => {
    const outputs = [
      new Float32Array([0.5, 0.25, 0.25, 0, 0, 1]),
      new BigInt64Array([0n, 2n]),
      new Int32Array([1, 2, 3, 4, 5, 6, 7, 8]),
    ]

    const predictions = predictionsOf(signature, outputs, 2, classReaderFor(signature))

    expect(predictions).toEqual([
      {
        class: 'setosa',
        probabilities: [0.5, 0.25, 0.25],
        label: 0,
        embedding: [
          [1, 2],
          [3, 4],
        ],
      },
      {
        class: 'virginica',
        probabilities: [0, 0, 1],
        label: 2,
        embedding: [
          [5, 6],
          [7, 8],
        ],
      },
    ])
    expect(Object.keys(predictions[0] ?? {})[0]).toBe('class')
  })

  it('gives no class for a model that names none', () => {
    const outputs = [new Float32Array([1, 0, 0]), new BigInt64Array([0n]), new Int32Array(4)]

    expect(predictionsOf(signature, outputs, 1, undefined)[0]).not.toHaveProperty('class')
  })
})
