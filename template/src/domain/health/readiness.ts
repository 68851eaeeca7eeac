export interface DependencyStatus {
  readonly name: string
  readonly up: boolean
  readonly latencyMs: number
  readonly reason?: string
  /** The service serves without it, so it being down leaves the service ready. */
  readonly optional?: boolean
}

export interface Readiness {
  readonly ready: boolean
  readonly dependencies: readonly DependencyStatus[]
}

/** The service is ready when every dependency it needs is up. */
export function readinessOf(dependencies: readonly DependencyStatus[]): Readiness {
  return { ready: dependencies.every((dependency) => dependency.up || dependency.optional), dependencies }
}
