import { describe, expect, it } from 'vitest'
import type { DependencyProbe } from '../../src/domain/health/dependency-probe.port.js'
import { createHealthService } from '../../src/service/health.service.js'

const answering = (name: string): DependencyProbe => ({ name, check: async () => {} })
const failing = (name: string, reason: string): DependencyProbe => ({
  name,
  check: async () => {
    throw new Error(reason)
  },
})
const hanging = (name: string): DependencyProbe => ({ name, check: () => new Promise(() => {}) })

describe('health service', () => {
  it('reports ready when every probe answers', async () => {
    const health = createHealthService([answering('database'), answering('cache')], { probeTimeoutMs: 100 })

    const readiness = await health.readiness()

    expect(readiness.ready).toBe(true)
    expect(readiness.dependencies.map((d) => [d.name, d.up])).toEqual([
      ['database', true],
      ['cache', true],
    ])
  })

  it('reports the failing dependency and its reason', async () => {
    const health = createHealthService([answering('database'), failing('queue', 'connection refused')], {
      probeTimeoutMs: 100,
    })

    const readiness = await health.readiness()

    expect(readiness.ready).toBe(false)
    expect(readiness.dependencies[1]).toMatchObject({
      name: 'queue',
      up: false,
      reason: 'connection refused',
    })
  })

  it('stays ready while an optional dependency is down, marking it optional', async () => {
    const broker = { ...failing('broker', 'no connection to the broker'), optional: true }
    const health = createHealthService([answering('database'), broker], { probeTimeoutMs: 100 })

    const readiness = await health.readiness()

    expect(readiness.ready).toBe(true)
    expect(readiness.dependencies[1]).toMatchObject({ name: 'broker', up: false, optional: true })
    expect(readiness.dependencies[0]).not.toHaveProperty('optional')
  })

  it('counts a probe that does not answer in time as down', async () => {
    const health = createHealthService([hanging('database')], { probeTimeoutMs: 50 })

    const readiness = await health.readiness()

    expect(readiness.ready).toBe(false)
    expect(readiness.dependencies[0]?.reason).toBe('no answer within 50 ms')
  })

  it('counts uptime from its creation', () => {
    expect(createHealthService([], { probeTimeoutMs: 1 }).uptimeSeconds()).toBe(0)
  })
})
