import { describe, expect, it } from 'vitest'
import { populationStabilityIndex } from '../../../src/domain/drift/population-stability.js'
import { binOf } from '../../../src/domain/drift/training-profile.js'

describe('the population stability index', () => {
  it('is 0 when the served shares are the expected ones', () => {
    expect(populationStabilityIndex([0.25, 0.25, 0.5], [25, 25, 50], 100)).toBeCloseTo(0, 12)
  })

  it('sums (actual - expected) * ln(actual / expected) over the bins', () => {
    const expected = 0.4 * Math.log(0.9 / 0.5) + -0.4 * Math.log(0.1 / 0.5)
    expect(populationStabilityIndex([0.5, 0.5], [90, 10], 100)).toBeCloseTo(expected, 12)
  })

  it('stays finite when a bin is empty on either side, and grows with the shift', () => {
    const slight = populationStabilityIndex([0.5, 0.5, 0], [45, 55, 0], 100)
    const total = populationStabilityIndex([0.5, 0.5, 0], [0, 0, 100], 100)
    expect(Number.isFinite(total)).toBe(true)
    expect(slight).toBeLessThan(0.1)
    expect(total).toBeGreaterThan(0.25)
  })
})

describe('binning a value', () => {
  const edges = [1, 2, 3]

  it.each([
    [0.5, 0],
    [1, 1],
    [1.5, 1],
    [2.999, 2],
    [3, 3],
    [100, 3],
  ])(
    'puts %d in bin %d: below the first edge, from an edge up to the next, from the last up',
    (value, bin) => {
      expect(binOf(edges, value)).toBe(bin)
    },
  )
})
