import { binOf } from '../src/domain/drift/training-profile.js'
import type { LabelledSamples } from './iris-data.js'

/** Deciles: each feature's training values cut into ten bins of (about) a tenth each. */
const BIN_COUNT = 10

/**
 * The training profile the server measures drift against (metadata.json's training_profile): the
 * decile edges of each feature in the training split and the share of its values in each bin, by
 * the server's own binning, and the share of each class among the training labels.
 */
export function trainingProfile(train: LabelledSamples, featureNames: readonly string[], classCount: number) {
  const size = train.labels.length
  const features = featureNames.map((name, column) => {
    const values = train.features.map((row) => row[column] as number).sort((a, b) => a - b)
    const edges = [
      ...new Set(
        Array.from({ length: BIN_COUNT - 1 }, (_, k) =>
          cutBelow(values, Math.floor(((k + 1) * size) / BIN_COUNT)),
        ),
      ),
    ].filter((edge): edge is number => edge !== undefined)
    const counts = new Array<number>(edges.length + 1).fill(0)
    for (const value of values) counts[binOf(edges, value)] = (counts[binOf(edges, value)] as number) + 1
    return { name, edges, proportions: counts.map((count) => round6(count / size)) }
  })
  const classCounts = new Array<number>(classCount).fill(0)
  for (const label of train.labels) classCounts[label] = (classCounts[label] as number) + 1
  return { features, class_prior: classCounts.map((count) => round6(count / size)) }
}

/**
 * The cut just below sorted value `index`: halfway to the next smaller value, so that a value the
 * server gets as float32 (2.8 becomes 2.7999999) falls in the same bin as in training. Undefined
 * when nothing is smaller.
 */
function cutBelow(sorted: readonly number[], index: number): number | undefined {
  const value = sorted[index] as number
  const smaller = sorted.findLast((candidate) => candidate < value)
  return smaller === undefined ? undefined : round6((smaller + value) / 2)
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6
}
