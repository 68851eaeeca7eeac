import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import onnxProto from 'onnx-proto'
import * as ort from 'onnxruntime-node'
import { IRIS_LABELS } from './iris-data.js'
import { at } from './matrix.js'
import { INPUT_NAME, LABEL_NAME, ONNX_IR_VERSION, ONNX_OPSET, PROBABILITIES_NAME } from './onnx-export.js'

const { onnx } = onnxProto
const MODEL_NAME = 'iris'
const PROBABILITY_TOLERANCE = 1e-5

interface Reference {
  inputs: number[][]
  probabilities: number[][]
  labels: number[]
  expectedLabels: number[]
}

interface CheckedMetadata {
  version: number
  labels: string[]
  accuracy: number
  reference: Reference
}

/** Loads every exported version with onnxruntime-node and checks it reproduces the training script. */
async function main(): Promise<void> {
  const modelRoot = parseCommandLine()
  const versionDirs = await listVersionDirs(join(modelRoot, MODEL_NAME))
  if (versionDirs.length === 0) throw new Error(`no versions found under ${join(modelRoot, MODEL_NAME)}`)
  let failed = 0
  for (const dir of versionDirs) {
    try {
      await verifyVersion(dir)
    } catch (error) {
      failed++
      console.error(`FAIL ${dir}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  console.log(`${versionDirs.length - failed} passed, ${failed} failed`)
  if (failed > 0) process.exitCode = 1
}

async function verifyVersion(dir: string): Promise<void> {
  const metadata = parseMetadata(JSON.parse(await readFile(join(dir, 'metadata.json'), 'utf8')))
  const modelPath = join(dir, 'model.onnx')
  checkModelProto(await readFile(modelPath), metadata)

  const session = await ort.InferenceSession.create(modelPath)
  try {
    checkSessionSignature(session)
    const { probabilities, labels } = await runModel(session, metadata.reference.inputs)
    const worstDifference = compareProbabilities(probabilities, metadata.reference.probabilities)
    compareLabels(labels, metadata.reference.labels)
    const accuracy = accuracyOf(labels, metadata.reference.expectedLabels)
    if (accuracy !== metadata.accuracy) {
      throw new Error(`runtime accuracy ${accuracy} differs from metadata accuracy ${metadata.accuracy}`)
    }
    console.log(
      `ok ${MODEL_NAME}/${metadata.version}: ${labels.length} reference rows reproduced ` +
        `(max |Δp| ${worstDifference.toExponential(2)}), test accuracy ${accuracy.toFixed(4)}`,
    )
  } finally {
    await session.release()
  }
}

async function runModel(
  session: ort.InferenceSession,
  inputs: number[][],
): Promise<{ probabilities: number[][]; labels: number[] }> {
  const input = new ort.Tensor('float32', Float32Array.from(inputs.flat()), [
    inputs.length,
    at(inputs, 0).length,
  ])
  const outputs = await session.run({ [INPUT_NAME]: input })
  const probabilities = outputs[PROBABILITIES_NAME]
  const labels = outputs[LABEL_NAME]
  const probabilityData = probabilities?.data
  const labelData = labels?.data
  if (!probabilities || !(probabilityData instanceof Float32Array)) {
    throw new Error(`${PROBABILITIES_NAME} is not float32`)
  }
  if (!labels || !(labelData instanceof BigInt64Array)) throw new Error(`${LABEL_NAME} is not int64`)
  expectEqual(
    JSON.stringify(probabilities.dims),
    JSON.stringify([inputs.length, IRIS_LABELS.length]),
    `${PROBABILITIES_NAME} dims`,
  )
  expectEqual(JSON.stringify(labels.dims), JSON.stringify([inputs.length]), `${LABEL_NAME} dims`)
  const classCount = IRIS_LABELS.length
  return {
    probabilities: Array.from({ length: inputs.length }, (_, row) =>
      Array.from(probabilityData.subarray(row * classCount, (row + 1) * classCount)),
    ),
    labels: Array.from(labelData, Number),
  }
}

function checkModelProto(bytes: Uint8Array, metadata: CheckedMetadata): void {
  const model = onnx.ModelProto.decode(bytes)
  expectEqual(Number(model.irVersion), ONNX_IR_VERSION, 'ir_version')
  expectEqual(Number(model.opsetImport[0]?.version), ONNX_OPSET, 'opset')
  expectEqual(Number(model.modelVersion), metadata.version, 'model_version')
  const labelsProp = model.metadataProps.find((entry) => entry.key === 'labels')
  expectEqual(labelsProp?.value, JSON.stringify(metadata.labels), 'metadata_props labels')
}

function checkSessionSignature(session: ort.InferenceSession): void {
  expectEqual(describeValues(session.inputMetadata), `${INPUT_NAME}:float32[batch,4]`, 'inputs')
  expectEqual(
    describeValues(session.outputMetadata),
    `${PROBABILITIES_NAME}:float32[batch,3] ${LABEL_NAME}:int64[batch]`,
    'outputs',
  )
}

function describeValues(values: readonly ort.InferenceSession.ValueMetadata[]): string {
  return values
    .map((value) => (value.isTensor ? `${value.name}:${value.type}[${value.shape.join(',')}]` : value.name))
    .join(' ')
}

function compareProbabilities(actual: number[][], expected: number[][]): number {
  expectEqual(actual.length, expected.length, 'probability rows')
  let worst = 0
  actual.forEach((row, r) => {
    row.forEach((value, c) => {
      const reference = at(at(expected, r), c)
      const difference = Math.abs(value - reference)
      worst = Math.max(worst, difference)
      if (!(difference <= PROBABILITY_TOLERANCE)) {
        throw new Error(
          `probabilities[${r}][${c}] = ${value}, expected ${reference} (tolerance ${PROBABILITY_TOLERANCE})`,
        )
      }
    })
  })
  return worst
}

function compareLabels(actual: number[], expected: number[]): void {
  expectEqual(JSON.stringify(actual), JSON.stringify(expected), 'labels')
}

function accuracyOf(predicted: number[], expected: number[]): number {
  const correct = predicted.filter((label, index) => label === expected[index]).length
  // Rounded like metadata.json's metrics so the two can be compared exactly.
  return Math.round((correct / predicted.length) * 1e6) / 1e6
}

function expectEqual<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected) throw new Error(`${what}: got ${String(actual)}, expected ${String(expected)}`)
}

async function listVersionDirs(modelDir: string): Promise<string[]> {
  const entries = await readdir(modelDir, { withFileTypes: true })
  return entries
    .filter((entry) => entry.isDirectory() && /^\d+$/.test(entry.name))
    .map((entry) => Number(entry.name))
    .sort((a, b) => a - b)
    .map((version) => join(modelDir, String(version)))
}

function parseMetadata(json: unknown): CheckedMetadata {
  const root = asRecord(json, 'metadata')
  const metrics = asRecord(root.metrics, 'metrics')
  const reference = asRecord(root.reference, 'reference')
  const labels = asArray(root.labels, 'labels').map((label) => asString(label, 'label'))
  expectEqual(JSON.stringify(labels), JSON.stringify(IRIS_LABELS), 'labels')
  return {
    version: asNumber(root.version, 'version'),
    labels,
    accuracy: asNumber(metrics.accuracy, 'metrics.accuracy'),
    reference: {
      inputs: asNumberMatrix(reference.inputs, 'reference.inputs'),
      probabilities: asNumberMatrix(reference.probabilities, 'reference.probabilities'),
      labels: asNumberArray(reference.labels, 'reference.labels'),
      expectedLabels: asNumberArray(reference.expected_labels, 'reference.expected_labels'),
    },
  }
}

function asRecord(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`${what} is not an object`)
  return value as Record<string, unknown>
}

function asArray(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${what} is not an array`)
  return value
}

function asNumber(value: unknown, what: string): number {
  if (typeof value !== 'number') throw new Error(`${what} is not a number`)
  return value
}

function asString(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new Error(`${what} is not a string`)
  return value
}

function asNumberArray(value: unknown, what: string): number[] {
  return asArray(value, what).map((item) => asNumber(item, what))
}

function asNumberMatrix(value: unknown, what: string): number[][] {
  return asArray(value, what).map((row) => asNumberArray(row, what))
}

function parseCommandLine(): string {
  const { values } = parseArgs({ options: { models: { type: 'string', default: 'models' } } })
  return values.models
}

await main()
