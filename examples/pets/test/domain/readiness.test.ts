import { describe, expect, it } from 'vitest'
import { readinessOf } from '../../src/domain/health/readiness.js'

const up = { name: 'database', up: true, latencyMs: 1 }
const down = { name: 'queue', up: false, latencyMs: 5, reason: 'refused' }

describe('readiness', () => {
  it('is ready when every dependency is up', () => {
    expect(readinessOf([up, { ...up, name: 'cache' }]).ready).toBe(true)
  })

  it('is not ready when any dependency is down', () => {
    expect(readinessOf([up, down])).toEqual({ ready: false, dependencies: [up, down] })
  })

  it('stays ready while a dependency it serves without is down, and still reports it', () => {
    const brokerDown = { name: 'broker', up: false, latencyMs: 0, reason: 'no connection', optional: true }
    expect(readinessOf([up, brokerDown])).toEqual({ ready: true, dependencies: [up, brokerDown] })
    expect(readinessOf([down, brokerDown]).ready).toBe(false)
  })

  it('is ready with no dependencies at all', () => {
    expect(readinessOf([]).ready).toBe(true)
  })
})
