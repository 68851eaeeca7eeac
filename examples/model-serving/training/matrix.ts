export type Vector = number[]
/** Row-major: matrix[row][column]. */
export type Matrix = Vector[]

/** The item at `index`. An index out of range is a bug in the training code, so it throws. */
export function at<T>(items: readonly T[], index: number): T {
  const item = items[index]
  if (item === undefined) throw new RangeError(`index ${index} is out of range (length ${items.length})`)
  return item
}

export function zeros(rows: number, columns: number): Matrix {
  return Array.from({ length: rows }, () => new Array<number>(columns).fill(0))
}

export function transpose(matrix: Matrix): Matrix {
  const columns = matrix[0]?.length ?? 0
  return Array.from({ length: columns }, (_, column) => matrix.map((row) => at(row, column)))
}

export function matMul(left: Matrix, right: Matrix): Matrix {
  const columns = right[0]?.length ?? 0
  return left.map((row) => {
    const out = new Array<number>(columns).fill(0)
    right.forEach((rightRow, k) => {
      const value = at(row, k)
      for (let column = 0; column < columns; column++)
        out[column] = at(out, column) + value * at(rightRow, column)
    })
    return out
  })
}

export function addRowVector(matrix: Matrix, vector: Vector): Matrix {
  return matrix.map((row) => row.map((value, column) => value + at(vector, column)))
}

export function sumColumns(matrix: Matrix): Vector {
  const sums = new Array<number>(matrix[0]?.length ?? 0).fill(0)
  for (const row of matrix) {
    row.forEach((value, column) => {
      sums[column] = at(sums, column) + value
    })
  }
  return sums
}

export function softmaxRows(matrix: Matrix): Matrix {
  return matrix.map((row) => {
    const max = Math.max(...row)
    const exps = row.map((value) => Math.exp(value - max))
    const total = exps.reduce((sum, value) => sum + value, 0)
    return exps.map((value) => value / total)
  })
}

/** Index of the first maximum in each row, the same tie-break as ONNX ArgMax. */
export function argmaxRows(matrix: Matrix): number[] {
  return matrix.map((row) => row.reduce((best, value, index) => (value > at(row, best) ? index : best), 0))
}
