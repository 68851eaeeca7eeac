import { describe, expect, it } from 'vitest'
import { classReaderFor, labelOf } from '../../../src/domain/model/classification.js'
import type { ModelSignature } from '../../../src/domain/model/signature.js'

const probabilities = { name: 'probabilities', datatype: 'FP32', shape: [-1, 3] } as const
const label = { name: 'label', datatype: 'INT64', shape: [-1] } as const
const labels = ['setosa', 'versicolor', 'virginica']

describe('reading the predicted class', () => {
  it('takes the class index from an integer output with one value per instance', () => {
    const signature: ModelSignature = { inputs: [], outputs: [probabilities, label], labels }
    const outputs = [new Float32Array([0.9, 0.1, 0, 0.1, 0.1, 0.8]), new BigInt64Array([0n, 1n])]

    const classOf = classReaderFor(signature)

    expect([classOf?.(outputs, 0), classOf?.(outputs, 1)]).toEqual([0, 1])
  })

  it('takes the largest score when the model gives no index, the first on a tie', () => {
    const signature: ModelSignature = { inputs: [], outputs: [probabilities], labels }
    const outputs = [new Float32Array([0.1, 0.2, 0.7, 0.5, 0.5, 0])]

    const classOf = classReaderFor(signature)

    expect([classOf?.(outputs, 0), classOf?.(outputs, 1)]).toEqual([2, 0])
  })

  it('reads nothing from a model that names no classes', () => {
    expect(classReaderFor({ inputs: [], outputs: [probabilities, label], labels: [] })).toBeUndefined()
  })

  it('names a class by its label, or by its index beyond the labels', () => {
    const signature: ModelSignature = { inputs: [], outputs: [], labels }

    expect([labelOf(signature, 2), labelOf(signature, 7)]).toEqual(['virginica', '7'])
  })
})
