import { describe, expect, it } from 'vitest'
import { type Datatype, rulesOf } from '../../../src/domain/model/datatype.js'

function write(datatype: Datatype, value: unknown) {
  const rules = rulesOf(datatype)
  const array = rules.allocate(1)
  const reason = rules.write(array, 0, value)
  return { reason, stored: reason === undefined ? rules.read(array, 0) : undefined }
}

describe('element datatypes', () => {
  it.each([
    ['FP32', 1.5, 1.5],
    ['FP64', -0.1, -0.1],
    ['INT32', -7, -7],
    ['INT64', 2 ** 40, 2 ** 40],
    ['UINT8', 255, 255],
    ['BOOL', true, true],
  ] as const)('stores a valid %s element and reads it back', (datatype, value, expected) => {
    expect(write(datatype, value)).toEqual({ reason: undefined, stored: expected })
  })

  it.each([
    ['FP32', 'abc', '"abc" is a string, not a number'],
    ['FP32', Number.NaN, 'NaN is not a finite number'],
    ['FP32', Number.POSITIVE_INFINITY, 'Infinity is not a finite number'],
    ['FP32', 1e39, '1e+39 is out of range for FP32'],
    ['FP64', null, 'null, not a number'],
    ['FP32', [1], 'an array, not a number'],
    ['INT32', 1.5, '1.5, not an integer'],
    ['UINT8', 256, '256 is out of range (0 to 255)'],
    ['INT64', 2 ** 60, `${2 ** 60} is out of range (${Number.MIN_SAFE_INTEGER} to 2^53-1)`],
    ['BOOL', 1, '1, not true or false'],
  ] as const)('refuses %s element %s: %s', (datatype, value, reason) => {
    expect(write(datatype, value).reason).toBe(reason)
  })
})
