import { describe, expect, it } from 'vitest'
import { checkedSplit, versionFor } from '../../../src/domain/model/traffic-split.js'

describe('a traffic split', () => {
  const split = new Map([
    [1, 9],
    [2, 1],
  ])
  const keys = Array.from({ length: 10_000 }, (_, n) => `0195f3a2-${n}`)

  it('gives each version a share of the requests in proportion to its weight', () => {
    const toTwo = keys.filter((key) => versionFor(split, key) === 2).length / keys.length
    expect(toTwo).toBeGreaterThan(0.08)
    expect(toTwo).toBeLessThan(0.12)
  })

  it('sends a request id to the same version every time', () => {
    expect(keys.slice(0, 100).map((key) => versionFor(split, key))).toEqual(
      keys.slice(0, 100).map((key) => versionFor(new Map(split), key)),
    )
  })

  it('refuses weights that send nothing anywhere, or are not whole numbers up to 1000', () => {
    expect(() => checkedSplit('iris', new Map([[1, 0]]))).toThrow('must give some traffic')
    expect(() => checkedSplit('iris', new Map([[1, 1.5]]))).toThrow('whole number')
    expect(() => checkedSplit('iris', new Map([[1, 1001]]))).toThrow('whole number')
  })
})
