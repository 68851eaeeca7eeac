import { join } from 'node:path'
import { monotonicMicros, type ProfileSummary, summariseProfile, type Window } from './cpu-profile.js'
import { resultsFolder } from './paths.js'

/**
 * CPU profiles of the services under test, when asked for (`--profile`): each writes
 * bench/results/<name>.cpuprofile on exit (open it in Chrome DevTools), and a summary of the
 * measured stretch, without start-up and warm-up, goes into the results.
 */
export interface Profiling {
  /** Node flags that make a service write its profile on exit; none when not profiling. */
  flagsFor(name: string): string[]
  /** Marks the start of the stretch to summarise. */
  begin(): void
  /** Marks its end. */
  end(): void
  /** Once the service has exited: where its measured stretch spent its time. */
  summarise(name: string): Promise<ProfileSummary | undefined>
}

export function profiling(enabled: boolean): Profiling {
  let from = 0
  let to = 0
  const fileOf = (name: string) => join(resultsFolder, `${name}.cpuprofile`)
  return {
    flagsFor: (name) =>
      enabled ? ['--cpu-prof', `--cpu-prof-dir=${resultsFolder}`, `--cpu-prof-name=${name}.cpuprofile`] : [],
    begin: () => {
      from = monotonicMicros()
    },
    end: () => {
      to = monotonicMicros()
    },
    async summarise(name) {
      if (!enabled) return undefined
      const window: Window | undefined = to > from ? { from, to } : undefined
      return summariseProfile(fileOf(name), 15, window)
    },
  }
}
