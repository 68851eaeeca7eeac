import { Type } from '@fastify/type-provider-typebox'
import { describe, expect, it } from 'vitest'
import { validatorCompiler } from '../../src/web/validation.js'

const query = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1 })),
  ratio: Type.Optional(Type.Number()),
  active: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])),
  name: Type.Optional(Type.String()),
})
const validate = (httpPart: string, value: unknown) =>
  validatorCompiler({ schema: query, httpPart, method: 'GET', url: '/' })(value) as {
    value?: unknown
    error?: { instancePath: string }[]
  }

describe('request validation', () => {
  it('reads numbers and booleans from query text written as such', () => {
    expect(validate('querystring', { limit: '20', ratio: '-1.5e3', active: 'false', name: '7' })).toEqual({
      value: { limit: 20, ratio: -1500, active: false, name: '7' },
    })
  })

  it.each([
    ['limit', '1.5'],
    ['limit', '1e400'],
    ['limit', '0x10'],
    ['limit', '1e1'],
    ['limit', '007'],
    ['limit', '9007199254740993'],
    ['limit', ''],
    ['ratio', '1e400'],
    ['ratio', 'NaN'],
    ['ratio', '.5'],
    ['active', 'yes'],
    ['active', '1'],
  ])('refuses %s=%j, naming it', (field, text) => {
    const { error } = validate('querystring', { [field]: text })

    expect(error?.map((violation) => violation.instancePath)).toContain(`/${field}`)
  })

  it('checks a body as the JSON it is, converting nothing', () => {
    expect(validate('body', { limit: '20' }).error).toBeDefined()
    expect(validate('body', { limit: 20 })).toEqual({ value: { limit: 20 } })
  })
})
