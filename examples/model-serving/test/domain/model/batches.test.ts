import { describe, expect, it } from 'vitest'
import { mergeBatches, splitBatch, splitOutputs } from '../../../src/domain/model/batches.js'
import { sumSignature } from '../../support/fake-model.js'

const batchOf = (...pairs: [number, number][]) => ({
  rows: pairs.length,
  inputs: [new Float32Array(pairs.flat())],
})

describe('batches', () => {
  it('merges batches into one, rows in order', () => {
    const merged = mergeBatches(sumSignature, [batchOf([1, 2]), batchOf([3, 4], [5, 6])])

    expect(merged.rows).toBe(3)
    expect([...(merged.inputs[0] ?? [])]).toEqual([1, 2, 3, 4, 5, 6])
  })

  it('hands each batch back its own rows of the outputs', () => {
    const batches = [batchOf([1, 2]), batchOf([3, 4], [5, 6])]
    const outputs = [new Float32Array([3, 7, 11]), new BigInt64Array([0n, 0n, 1n])]

    const [first, second] = splitOutputs(sumSignature, outputs, batches)

    expect(first?.map((output) => [...output])).toEqual([[3], [0n]])
    expect(second?.map((output) => [...output])).toEqual([
      [7, 11],
      [0n, 1n],
    ])
  })

  it('cuts a batch into batches of at most the given rows', () => {
    const parts = splitBatch(sumSignature, batchOf([1, 1], [2, 2], [3, 3], [4, 4], [5, 5]), 2)

    expect(parts.map((part) => [part.rows, [...(part.inputs[0] ?? [])]])).toEqual([
      [2, [1, 1, 2, 2]],
      [2, [3, 3, 4, 4]],
      [1, [5, 5]],
    ])
  })

  it('leaves a batch that fits as it is', () => {
    const batch = batchOf([1, 2])

    expect(splitBatch(sumSignature, batch, 2)).toEqual([batch])
  })
})
