import type { LoadRequest } from './load.js'
import { applyLoad } from './load.js'
import type { RunningService } from './service-process.js'
import type { Contender } from './side-by-side.js'

/** How hard and how long each side of a comparison is driven. */
export interface LoadSettings {
  readonly connections: number
  readonly durationSeconds: number
  readonly warmUpSeconds: number
  /** Rounds of alternating measurements; the medians are reported. */
  readonly rounds: number
}

/** A running service as one side of a comparison, driven with `nextRequest`. */
export function contender(
  service: RunningService,
  settings: LoadSettings,
  nextRequest: () => LoadRequest,
): Contender {
  const drive = (durationSeconds: number) =>
    applyLoad({
      url: service.url,
      connections: settings.connections,
      durationSeconds,
      nextRequest,
      server: service,
    })
  return {
    name: service.name,
    measure: () => drive(settings.durationSeconds),
    warmUp: () => drive(settings.warmUpSeconds),
  }
}
