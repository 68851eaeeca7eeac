import { populationStabilityIndex } from './population-stability.js'
import { binOf, type TrainingProfile } from './training-profile.js'

/** How far what a model version served lately is from what it was trained on. */
export interface DriftMeasures {
  /** Instances in the window. */
  readonly samples: number
  /** The PSI of each feature, in profile order. */
  readonly features: readonly { readonly name: string; readonly psi: number }[]
  /** The PSI of the predicted classes against the training prior; absent without one. */
  readonly prediction?: number
}

/** The drift of one model version. */
export interface VersionDrift {
  readonly model: string
  readonly version: number
  readonly measures: DriftMeasures
}

/**
 * The last `size` instances a model version served, kept as the bin of each feature and the class
 * predicted, with counts per bin updated as instances come and go: recording an instance costs a
 * binary search per feature, and memory stays fixed at two bytes per feature per instance.
 */
export interface DriftWindow {
  /** One instance served: its value of each feature, in profile order, and the class predicted for it. */
  record(values: ArrayLike<number>, predictedClass: number | undefined): void
  measures(): DriftMeasures
}

export function createDriftWindow(profile: TrainingProfile, size: number): DriftWindow {
  const features = profile.features.map((feature) => ({
    feature,
    window: binnedWindow(feature.proportions.length, size),
  }))
  const prior = profile.classPrior
  const classes = prior ? binnedWindow(prior.length, size) : undefined

  return {
    record(values, predictedClass) {
      for (let index = 0; index < features.length; index++) {
        const { feature, window } = features[index] as (typeof features)[number]
        window.add(binOf(feature.edges, values[index] as number))
      }
      if (classes && predictedClass !== undefined) classes.add(predictedClass)
    },
    measures() {
      const samples = features[0]?.window.samples() ?? 0
      return {
        samples,
        features: features.map(({ feature, window }) => ({
          name: feature.name,
          psi: populationStabilityIndex(feature.proportions, window.counts, samples),
        })),
        ...(prior &&
          classes &&
          classes.samples() > 0 && {
            prediction: populationStabilityIndex(prior, classes.counts, classes.samples()),
          }),
      }
    },
  }
}

/** The bins of the last `size` values, and how many of them fell in each bin. */
function binnedWindow(binCount: number, size: number) {
  const bins = new Uint16Array(size)
  const counts = new Float64Array(binCount)
  let next = 0
  let samples = 0
  return {
    counts,
    samples: () => samples,
    add(bin: number) {
      if (samples === size) counts[bins[next] as number] = (counts[bins[next] as number] as number) - 1
      else samples++
      bins[next] = bin
      counts[bin] = (counts[bin] as number) + 1
      next = (next + 1) % size
    },
  }
}
