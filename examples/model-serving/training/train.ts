import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { asExported, type Classifier, predict } from './classifier.js'
import { evaluate } from './evaluate.js'
import {
  computeStandardization,
  IRIS_FEATURE_NAMES,
  IRIS_LABELS,
  type IrisSplit,
  loadIris,
  type Standardization,
  standardize,
  stratifiedSplit,
} from './iris-data.js'
import { formatJson } from './json-format.js'
import { buildMetadata } from './metadata.js'
import { trainMlp } from './mlp.js'
import { exportToOnnx } from './onnx-export.js'
import { trainSoftmaxRegression } from './softmax-regression.js'
import type { TrainedNetwork } from './trained-network.js'

const MODEL_NAME = 'iris'
const DEFAULT_SEED = 42
const TEST_FRACTION = 0.2
const MIN_TEST_ACCURACY = 0.9

interface ModelVersionSpec {
  version: number
  description: string
  train: (split: IrisSplit, seed: number) => TrainedNetwork
}

const MODEL_VERSIONS: readonly ModelVersionSpec[] = [
  {
    version: 1,
    description:
      'Multinomial logistic regression (softmax regression) trained in TypeScript by full-batch gradient descent',
    train: (split) => trainSoftmaxRegression(split.train, IRIS_LABELS.length),
  },
  {
    version: 2,
    description: 'MLP 4 -> 16 ReLU -> 3 softmax trained in TypeScript by full-batch Adam',
    train: (split, seed) => trainMlp(split.train, IRIS_LABELS.length, seed),
  },
]

async function main(): Promise<void> {
  const { outDir, seed } = parseCommandLine()
  const split = stratifiedSplit(loadIris(), TEST_FRACTION, seed)
  const standardization = computeStandardization(split.train.features)
  const standardizedSplit: IrisSplit = {
    train: { ...split.train, features: standardize(split.train.features, standardization) },
    test: split.test,
  }

  for (const spec of MODEL_VERSIONS) {
    const startedAt = performance.now()
    const trained = spec.train(standardizedSplit, seed)
    const trainingMs = performance.now() - startedAt
    await exportVersion(spec, trained, standardization, split, seed, outDir, trainingMs)
  }
}

async function exportVersion(
  spec: ModelVersionSpec,
  trained: TrainedNetwork,
  standardization: Standardization,
  split: IrisSplit,
  seed: number,
  outDir: string,
  trainingMs: number,
): Promise<void> {
  // Evaluate the float32 parameters that go into the file, so the metrics describe the exported model.
  const classifier: Classifier = asExported({ standardization, layers: trained.layers })
  const testPredictions = predict(classifier, split.test.features)
  const evaluation = evaluate(split.test.labels, testPredictions.labels, IRIS_LABELS)
  if (evaluation.accuracy < MIN_TEST_ACCURACY) {
    throw new Error(
      `version ${spec.version}: test accuracy ${evaluation.accuracy} is below ${MIN_TEST_ACCURACY}`,
    )
  }

  const modelBytes = exportToOnnx(classifier, {
    graphName: `${MODEL_NAME}_v${spec.version}`,
    modelVersion: spec.version,
    description: spec.description,
    labels: IRIS_LABELS,
    featureNames: IRIS_FEATURE_NAMES,
  })
  const metadata = buildMetadata({
    name: MODEL_NAME,
    version: spec.version,
    description: spec.description,
    labels: IRIS_LABELS,
    featureNames: IRIS_FEATURE_NAMES,
    standardization: classifier.standardization,
    hyperparameters: trained.hyperparameters,
    finalLoss: trained.finalLoss,
    evaluation,
    split: {
      trainSize: split.train.labels.length,
      testSize: split.test.labels.length,
      testFraction: TEST_FRACTION,
      seed,
    },
    train: split.train,
    test: split.test,
    testPredictions,
  })

  const versionDir = join(outDir, MODEL_NAME, String(spec.version))
  await mkdir(versionDir, { recursive: true })
  await writeFile(join(versionDir, 'model.onnx'), modelBytes)
  await writeFile(join(versionDir, 'metadata.json'), formatJson(metadata))

  console.log(
    `${MODEL_NAME}/${spec.version}: test accuracy ${evaluation.accuracy.toFixed(4)}, ` +
      `final train loss ${trained.finalLoss.toFixed(4)}, trained in ${trainingMs.toFixed(0)} ms, ` +
      `model.onnx ${modelBytes.length} bytes -> ${versionDir}`,
  )
}

function parseCommandLine(): { outDir: string; seed: number } {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, seed: { type: 'string', default: String(DEFAULT_SEED) } },
  })
  if (!values.out) throw new Error('usage: tsx training/train.ts --out <modelRoot> [--seed <int>]')
  const seed = Number(values.seed)
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${values.seed}`)
  return { outDir: values.out, seed }
}

await main()
