import { describe, expect, it } from 'vitest'
import type { Model } from '../../src/domain/model/model.port.js'
import { createDriftMonitor } from '../../src/service/drift-monitor.service.js'

/** A model of two inputs (one value, then two) whose training put each value below or above 0 half the time. */
const model: Model = {
  name: 'm',
  version: 1,
  signature: {
    inputs: [
      { name: 'x', datatype: 'FP32', shape: [-1, 1] },
      { name: 'y', datatype: 'FP64', shape: [-1, 2] },
    ],
    outputs: [{ name: 'label', datatype: 'INT64', shape: [-1] }],
    labels: ['no', 'yes'],
  },
  profile: {
    features: ['x', 'y0', 'y1'].map((name) => ({ name, edges: [0], proportions: [0.5, 0.5] })),
    classPrior: [0.5, 0.5],
  },
  run: async () => [],
  close: async () => {},
}

const rows = 40
/** Row r: x always above 0 (drifted), y0 and y1 alternating (as in training); classes alternating. */
const x = Float32Array.from({ length: rows }, () => 1)
const y = Float64Array.from({ length: rows * 2 }, (_, index) => (Math.floor(index / 2) % 2 ? 1 : -1))
const labels = BigInt64Array.from({ length: rows }, (_, row) => BigInt(row % 2))
const classOf = (outputs: readonly unknown[], row: number) => Number((outputs[0] as BigInt64Array)[row])

describe('the drift monitor', () => {
  it('measures the same whether instances arrive in one batch or one by one', () => {
    const together = createDriftMonitor({ windowSize: 100, minSamples: 10 })
    together.observe(model, { rows, inputs: [x, y] }, [labels], classOf)
    const apart = createDriftMonitor({ windowSize: 100, minSamples: 10 })
    for (let row = 0; row < rows; row++) {
      apart.observe(
        model,
        { rows: 1, inputs: [x.slice(row, row + 1), y.slice(row * 2, row * 2 + 2)] },
        [labels.slice(row, row + 1)],
        classOf,
      )
    }

    expect(together.measures()).toEqual(apart.measures())
    const [measured] = together.measures()
    expect(measured?.measures.features.map(({ name, psi }) => [name, psi > 0.25])).toEqual([
      ['x', true],
      ['y0', false],
      ['y1', false],
    ])
    expect(measured?.measures.prediction).toBe(0)
  })

  it('reports a version only once its window holds enough instances, and one without a profile never', () => {
    const monitor = createDriftMonitor({ windowSize: 100, minSamples: 41 })
    monitor.observe(model, { rows, inputs: [x, y] }, [labels], classOf)
    monitor.observe({ ...model, version: 2, profile: undefined }, { rows, inputs: [x, y] }, [labels], classOf)
    expect(monitor.measures()).toEqual([])

    monitor.observe(model, { rows: 1, inputs: [x.slice(0, 1), y.slice(0, 2)] }, [labels.slice(0, 1)], classOf)
    expect(
      monitor.measures().map(({ model, version, measures }) => [model, version, measures.samples]),
    ).toEqual([['m', 1, 41]])
  })
})
