import { at } from './matrix.js'

/** A seeded source of uniform numbers in [0, 1). */
export type Random = () => number

/** mulberry32: a tiny 32-bit PRNG, good enough for shuffling and weight init. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Standard normal sample via the Box–Muller transform. */
export function sampleNormal(random: Random): number {
  const u1 = 1 - random() // in (0, 1], so the log is finite
  const u2 = random()
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2)
}

/** Fisher–Yates shuffle into a new array. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const result = [...items]
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const swapped = at(result, j)
    result[j] = at(result, i)
    result[i] = swapped
  }
  return result
}
