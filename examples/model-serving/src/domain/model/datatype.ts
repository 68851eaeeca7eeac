/** Element types, named as the Open Inference Protocol (KServe V2) names them. */
export const datatypes = [
  'BOOL',
  'UINT8',
  'UINT16',
  'UINT32',
  'UINT64',
  'INT8',
  'INT16',
  'INT32',
  'INT64',
  'FP32',
  'FP64',
] as const

export type Datatype = (typeof datatypes)[number]

/** The flat, row-major values of a tensor, in the typed array its datatype calls for. */
export type TensorData =
  | Uint8Array
  | Uint16Array
  | Uint32Array
  | BigUint64Array
  | Int8Array
  | Int16Array
  | Int32Array
  | BigInt64Array
  | Float32Array
  | Float64Array

/** A JSON value of one element: a number, or a boolean for BOOL. */
export type ElementValue = number | boolean

interface DatatypeRules {
  /** A zeroed array of `length` elements. */
  allocate(length: number): TensorData
  /**
   * Stores `value` at `index` when it is a valid element of this type; otherwise leaves the array
   * alone and answers why not. Returns undefined on success so the hot path allocates nothing.
   */
  write(array: TensorData, index: number, value: unknown): string | undefined
  /** The element at `index` as JSON can carry it. */
  read(array: TensorData, index: number): ElementValue
}

const FP32_MAX = 3.4028234663852886e38

export function isDatatype(name: string): name is Datatype {
  return (datatypes as readonly string[]).includes(name)
}

export function rulesOf(datatype: Datatype): DatatypeRules {
  return rules[datatype]
}

const rules: Record<Datatype, DatatypeRules> = {
  BOOL: {
    allocate: (length) => new Uint8Array(length),
    write(array, index, value) {
      if (typeof value !== 'boolean') return `${describe(value)}, not true or false`
      array[index] = value ? 1 : 0
      return undefined
    },
    read: (array, index) => array[index] === 1,
  },
  UINT8: integerRules((length) => new Uint8Array(length), 0, 2 ** 8 - 1),
  UINT16: integerRules((length) => new Uint16Array(length), 0, 2 ** 16 - 1),
  UINT32: integerRules((length) => new Uint32Array(length), 0, 2 ** 32 - 1),
  UINT64: bigIntegerRules((length) => new BigUint64Array(length), 0),
  INT8: integerRules((length) => new Int8Array(length), -(2 ** 7), 2 ** 7 - 1),
  INT16: integerRules((length) => new Int16Array(length), -(2 ** 15), 2 ** 15 - 1),
  INT32: integerRules((length) => new Int32Array(length), -(2 ** 31), 2 ** 31 - 1),
  INT64: bigIntegerRules((length) => new BigInt64Array(length), Number.MIN_SAFE_INTEGER),
  FP32: {
    allocate: (length) => new Float32Array(length),
    write(array, index, value) {
      if (typeof value !== 'number' || !Number.isFinite(value)) return notAFiniteNumber(value)
      if (value > FP32_MAX || value < -FP32_MAX) return `${value} is out of range for FP32`
      array[index] = value
      return undefined
    },
    read: (array, index) => array[index] as number,
  },
  FP64: {
    allocate: (length) => new Float64Array(length),
    write(array, index, value) {
      if (typeof value !== 'number' || !Number.isFinite(value)) return notAFiniteNumber(value)
      array[index] = value
      return undefined
    },
    read: (array, index) => array[index] as number,
  },
}

function integerRules(allocate: (length: number) => TensorData, min: number, max: number): DatatypeRules {
  return {
    allocate,
    write(array, index, value) {
      if (typeof value !== 'number' || !Number.isInteger(value)) return `${describe(value)}, not an integer`
      if (value < min || value > max) return `${value} is out of range (${min} to ${max})`
      array[index] = value
      return undefined
    },
    read: (array, index) => array[index] as number,
  }
}

/** 64-bit integers travel in JSON as numbers, so only the safe integers can be told apart. */
function bigIntegerRules(allocate: (length: number) => TensorData, min: number): DatatypeRules {
  return {
    allocate,
    write(array, index, value) {
      if (typeof value !== 'number' || !Number.isInteger(value)) return `${describe(value)}, not an integer`
      if (value < min || value > Number.MAX_SAFE_INTEGER) return `${value} is out of range (${min} to 2^53-1)`
      array[index] = BigInt(value)
      return undefined
    },
    read: (array, index) => Number(array[index]),
  }
}

function notAFiniteNumber(value: unknown): string {
  return typeof value === 'number' ? `${value} is not a finite number` : `${describe(value)}, not a number`
}

function describe(value: unknown): string {
  if (typeof value === 'string')
    return `"${value.length > 20 ? `${value.slice(0, 20)}…` : value}" is a string`
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return `${typeof value === 'object' ? 'an object' : String(value)}`
}
