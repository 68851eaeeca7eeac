import type { DependencyProbe } from '../domain/health/dependency-probe.port.js'
import { type DependencyStatus, type Readiness, readinessOf } from '../domain/health/readiness.js'

export interface HealthService {
  /** Seconds since the service started: answering at all is the proof of life. */
  uptimeSeconds(): number
  /** Checks every dependency at once; one that is slower than the timeout counts as down. */
  readiness(): Promise<Readiness>
}

export interface HealthServiceOptions {
  readonly probeTimeoutMs: number
}

export function createHealthService(
  probes: readonly DependencyProbe[],
  { probeTimeoutMs }: HealthServiceOptions,
): HealthService {
  const startedAt = performance.now()

  async function statusOf(probe: DependencyProbe): Promise<DependencyStatus> {
    const start = performance.now()
    const latencyMs = () => Math.round(performance.now() - start)
    try {
      await withTimeout(probe.check(), probeTimeoutMs)
      return { ...identity(probe), up: true, latencyMs: latencyMs() }
    } catch (error) {
      return { ...identity(probe), up: false, latencyMs: latencyMs(), reason: reasonOf(error) }
    }
  }

  return {
    uptimeSeconds: () => Math.round((performance.now() - startedAt) / 1000),
    readiness: async () => readinessOf(await Promise.all(probes.map(statusOf))),
  }
}

function identity({ name, optional }: DependencyProbe) {
  return optional ? { name, optional } : { name }
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
