import type { Predictions } from './classifier.js'
import type { Evaluation } from './evaluate.js'
import type { LabelledSamples, Standardization } from './iris-data.js'
import type { Matrix } from './matrix.js'
import { INPUT_NAME, LABEL_NAME, ONNX_IR_VERSION, ONNX_OPSET, PROBABILITIES_NAME } from './onnx-export.js'
import { trainingProfile } from './profile.js'

export interface ModelMetadataInput {
  name: string
  version: number
  description: string
  labels: readonly string[]
  featureNames: readonly string[]
  /** The float32 values the graph actually uses. */
  standardization: Standardization
  hyperparameters: Record<string, number | string>
  finalLoss: number
  evaluation: Evaluation
  split: { trainSize: number; testSize: number; testFraction: number; seed: number }
  train: LabelledSamples
  test: LabelledSamples
  testPredictions: Predictions
}

/** The metadata.json document. Key order is fixed by construction so the file is byte-for-byte reproducible. */
export function buildMetadata(input: ModelMetadataInput): Record<string, unknown> {
  const featureCount = input.featureNames.length
  const classCount = input.labels.length
  return {
    name: input.name,
    version: input.version,
    framework: 'onnx',
    description: input.description,
    created_by: 'training/train.ts',
    onnx: { opset: ONNX_OPSET, ir_version: ONNX_IR_VERSION },
    signature: {
      inputs: [{ name: INPUT_NAME, datatype: 'FP32', shape: [-1, featureCount] }],
      outputs: [
        { name: PROBABILITIES_NAME, datatype: 'FP32', shape: [-1, classCount] },
        { name: LABEL_NAME, datatype: 'INT64', shape: [-1] },
      ],
    },
    labels: input.labels,
    feature_names: input.featureNames,
    preprocessing: {
      description:
        'standardisation with train-split statistics, applied inside the graph; send raw measurements in cm',
      mean: input.standardization.mean,
      std: input.standardization.std,
    },
    training: {
      hyperparameters: input.hyperparameters,
      final_train_loss: round6(input.finalLoss),
    },
    metrics: {
      accuracy: round6(input.evaluation.accuracy),
      per_class: Object.fromEntries(
        Object.entries(input.evaluation.perClass).map(([label, metrics]) => [
          label,
          { precision: round6(metrics.precision), recall: round6(metrics.recall), support: metrics.support },
        ]),
      ),
      confusion_matrix: {
        description: 'rows are actual labels, columns are predicted labels, both in label order',
        matrix: input.evaluation.confusionMatrix,
      },
      train_size: input.split.trainSize,
      test_size: input.split.testSize,
      split: `stratified, test fraction ${input.split.testFraction}`,
      seed: input.split.seed,
    },
    training_profile: trainingProfile(input.train, input.featureNames, classCount),
    reference: {
      description:
        "the training script's own predictions on the test split; an ONNX runtime should reproduce them",
      inputs: input.test.features,
      probabilities: roundMatrix(input.testPredictions.probabilities),
      labels: input.testPredictions.labels,
      expected_labels: input.test.labels,
    },
  }
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6
}

function roundMatrix(matrix: Matrix): Matrix {
  return matrix.map((row) => row.map(round6))
}
