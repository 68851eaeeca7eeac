/** Something the service needs in order to serve, able to tell whether it answers. */
export interface DependencyProbe {
  readonly name: string
  /** Reported, but the service serves without it: readiness holds while it is down. */
  readonly optional?: boolean
  /** Resolves when the dependency answers; rejects with the reason when it does not. */
  check(): Promise<void>
}
