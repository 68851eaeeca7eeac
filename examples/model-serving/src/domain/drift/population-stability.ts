/**
 * The population stability index of a distribution over bins against the expected one:
 * PSI = sum over bins of (actual - expected) * ln(actual / expected), with both shares floored at
 * 0.0001 so that an empty bin counts as rare rather than infinitely so. The usual reading: below
 * 0.1 nothing has moved, 0.1 to 0.25 a moderate shift, above 0.25 a significant one.
 */
export function populationStabilityIndex(
  expected: readonly number[],
  actualCounts: ArrayLike<number>,
  total: number,
): number {
  let index = 0
  for (let bin = 0; bin < expected.length; bin++) {
    const expectedShare = Math.max(expected[bin] as number, floor)
    const actualShare = Math.max((actualCounts[bin] as number) / total, floor)
    index += (actualShare - expectedShare) * Math.log(actualShare / expectedShare)
  }
  return index
}

const floor = 0.0001

/** Above this, a distribution has shifted significantly: what the alerting rules fire on. */
export const significantShift = 0.25
