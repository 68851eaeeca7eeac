import type { TensorData } from '../../src/domain/model/datatype.js'
import type { Batch, Model } from '../../src/domain/model/model.port.js'
import type { ModelStore, ModelVersionRef } from '../../src/domain/model/model-store.port.js'
import type { ModelSignature } from '../../src/domain/model/signature.js'

/**
 * Two numbers in; their sum out, and its level: class 1 ("high") when the sum is over 10, else 0 ("low").
 * A first number of 666 breaks the whole batch it is in, as a model that crashes on an input would.
 */
export const sumSignature: ModelSignature = {
  inputs: [{ name: 'pair', datatype: 'FP32', shape: [-1, 2] }],
  outputs: [
    { name: 'sum', datatype: 'FP32', shape: [-1] },
    { name: 'level', datatype: 'INT64', shape: [-1] },
  ],
  labels: ['low', 'high'],
}

export const POISON = 666

export interface FakeModel extends Model {
  /** The rows of every batch run, warm-up included. */
  readonly batches: number[]
  closed: boolean
}

export function fakeModel(name: string, version: number): FakeModel {
  const batches: number[] = []
  return {
    name,
    version,
    signature: sumSignature,
    batches,
    closed: false,
    async run({ rows, inputs }: Batch): Promise<readonly TensorData[]> {
      batches.push(rows)
      const pairs = inputs[0] as Float32Array
      const sums = new Float32Array(rows)
      const classes = new BigInt64Array(rows)
      for (let row = 0; row < rows; row++) {
        if (pairs[row * 2] === POISON) throw new Error('the model crashed')
        sums[row] = (pairs[row * 2] ?? 0) + (pairs[row * 2 + 1] ?? 0)
        classes[row] = (sums[row] ?? 0) > 10 ? 1n : 0n
      }
      return [sums, classes]
    },
    async close() {
      this.closed = true
    },
  }
}

export interface FakeStore extends ModelStore {
  /** Every model loaded so far, by name/version. */
  readonly loaded: Map<string, FakeModel>
}

/** A store of fake models; versions listed in `failing` (as name/version) fail to load. */
export function fakeStore(refs: readonly ModelVersionRef[], failing: readonly string[] = []): FakeStore {
  const loaded = new Map<string, FakeModel>()
  return {
    loaded,
    list: async () => [...refs],
    async load({ name, version }) {
      if (failing.includes(`${name}/${version}`)) throw new Error(`cannot read ${name}/${version}`)
      const model = fakeModel(name, version)
      loaded.set(`${name}/${version}`, model)
      return model
    },
  }
}
