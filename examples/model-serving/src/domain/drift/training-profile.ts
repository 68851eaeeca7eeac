/**
 * What a model version saw in training, to compare what it serves with: for each input feature,
 * the bins its training values fell into; for the predicted class, the share of each class in the
 * training labels. Made by `npm run train`, shipped in metadata.json beside the model.
 */
export interface TrainingProfile {
  /** One per value of an instance, in the order the inputs hold them (row-major, inputs in signature order). */
  readonly features: readonly FeatureProfile[]
  /** The training prior of each class, in class index order; absent for a model that names no classes. */
  readonly classPrior?: readonly number[]
}

export interface FeatureProfile {
  readonly name: string
  /**
   * The cut points between bins, ascending: bin 0 holds values below edges[0], bin k values from
   * edges[k-1] up to edges[k], the last bin values from the last edge up.
   */
  readonly edges: readonly number[]
  /** The share of training values in each bin: edges.length + 1 numbers that sum to 1. */
  readonly proportions: readonly number[]
}

/** The bin of `value` among `edges`, by binary search. NaN, never served, would fall in the last. */
export function binOf(edges: readonly number[], value: number): number {
  let low = 0
  let high = edges.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (value < (edges[middle] as number)) high = middle
    else low = middle + 1
  }
  return low
}

/** Why `profile` cannot describe instances of `featureCount` values, or undefined when it can. */
export function profileProblem(
  profile: TrainingProfile,
  featureCount: number,
  classCount: number,
): string | undefined {
  if (profile.features.length !== featureCount) {
    return `the training profile has ${profile.features.length} features, the model takes ${featureCount} values per instance`
  }
  for (const { name, edges, proportions } of profile.features) {
    if (proportions.length !== edges.length + 1)
      return `feature ${name}: ${edges.length} edges need ${edges.length + 1} proportions`
    if (edges.some((edge, index) => index > 0 && edge <= (edges[index - 1] as number))) {
      return `feature ${name}: the edges must ascend`
    }
  }
  if (profile.classPrior && profile.classPrior.length !== classCount) {
    return `the training profile has a prior for ${profile.classPrior.length} classes, the model names ${classCount}`
  }
  return undefined
}
