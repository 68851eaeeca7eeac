export interface DependencyStatus {
  readonly name: string
  readonly up: boolean
  readonly latencyMs: number
  readonly reason?: string
}

export interface Readiness {
  readonly ready: boolean
  readonly dependencies: readonly DependencyStatus[]
}

/** The service is ready when every dependency it needs is up. */
export function readinessOf(dependencies: readonly DependencyStatus[]): Readiness {
  return { ready: dependencies.every((dependency) => dependency.up), dependencies }
}
