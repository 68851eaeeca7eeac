import { at } from './matrix.js'

export interface ClassMetrics {
  precision: number
  recall: number
  support: number
}

export interface Evaluation {
  accuracy: number
  perClass: Record<string, ClassMetrics>
  /** confusionMatrix[actual][predicted], rows and columns in label order. */
  confusionMatrix: number[][]
}

export function evaluate(
  actual: readonly number[],
  predicted: readonly number[],
  labels: readonly string[],
): Evaluation {
  if (actual.length !== predicted.length) throw new Error('actual and predicted differ in length')
  const confusionMatrix = labels.map(() => labels.map(() => 0))
  actual.forEach((label, index) => {
    const row = at(confusionMatrix, label)
    const column = at(predicted, index)
    row[column] = at(row, column) + 1
  })

  const correct = labels.reduce((sum, _, index) => sum + at(at(confusionMatrix, index), index), 0)
  const perClass: Record<string, ClassMetrics> = {}
  labels.forEach((name, index) => {
    const truePositives = at(at(confusionMatrix, index), index)
    const support = sumRow(confusionMatrix, index)
    const predictedCount = sumColumn(confusionMatrix, index)
    perClass[name] = {
      precision: ratio(truePositives, predictedCount),
      recall: ratio(truePositives, support),
      support,
    }
  })
  return { accuracy: ratio(correct, actual.length), perClass, confusionMatrix }
}

/** 0 when nothing was counted, rather than NaN, so the metrics stay valid JSON. */
function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator
}

function sumRow(matrix: number[][], row: number): number {
  return at(matrix, row).reduce((sum, value) => sum + value, 0)
}

function sumColumn(matrix: number[][], column: number): number {
  return matrix.reduce((sum, row) => sum + at(row, column), 0)
}
