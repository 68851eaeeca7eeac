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
  /** Marks the start of the stretch to summarise, or of the named part of it. */
  begin(part?: string): void
  /** Marks its end. */
  end(part?: string): void
  /** Once the service has exited: where its measured stretch (or the named part) spent its time. */
  summarise(name: string, part?: string): Promise<ProfileSummary | undefined>
}

export function profiling(enabled: boolean): Profiling {
  const windows = new Map<string, { from: number; to: number }>()
  const windowOf = (part = '') => {
    if (!windows.has(part)) windows.set(part, { from: 0, to: 0 })
    return windows.get(part) as { from: number; to: number }
  }
  const fileOf = (name: string) => join(resultsFolder, `${name}.cpuprofile`)
  return {
    flagsFor: (name) =>
      enabled ? ['--cpu-prof', `--cpu-prof-dir=${resultsFolder}`, `--cpu-prof-name=${name}.cpuprofile`] : [],
    begin: (part) => {
      windowOf(part).from = monotonicMicros()
    },
    end: (part) => {
      windowOf(part).to = monotonicMicros()
    },
    async summarise(name, part) {
      if (!enabled) return undefined
      const { from, to } = windowOf(part)
      const window: Window | undefined = to > from ? { from, to } : undefined
      return summariseProfile(fileOf(name), 15, window)
    },
  }
}
