/** Something the service needs in order to serve, able to tell whether it answers. */
export interface DependencyProbe {
  readonly name: string
  /** Resolves when the dependency answers; rejects with the reason when it does not. */
  check(): Promise<void>
}
