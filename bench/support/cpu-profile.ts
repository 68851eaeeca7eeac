import { readFile } from 'node:fs/promises'
import { originalSourceLocator, stageOf } from './source-locations.js'

interface ProfileNode {
  readonly id: number
  readonly callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  readonly children?: readonly number[]
}

interface CpuProfile {
  readonly startTime: number
  readonly nodes: readonly ProfileNode[]
  readonly samples: readonly number[]
  readonly timeDeltas: readonly number[]
}

export interface ProfileEntry {
  readonly name: string
  /** Share of all samples, 0 to 1. */
  readonly share: number
}

export interface ProfileSummary {
  /** Functions by the time spent in their own code. */
  readonly functions: readonly ProfileEntry[]
  /** The same time, by package (or node internals, or the service's own code). */
  readonly packages: readonly ProfileEntry[]
  /** Time on the CPU (every sample but idle ones), in milliseconds. */
  readonly busyMs: number
  /** The time on the CPU by stage of a request (bench/support/source-locations.ts), through source maps; shares of busyMs. */
  readonly stages: readonly ProfileEntry[]
}

/** A stretch of time on the monotonic clock, in microseconds, as `monotonicMicros()` reads it. */
export interface Window {
  readonly from: number
  readonly to: number
}

/** The clock V8 stamps profiles with (CLOCK_MONOTONIC), in microseconds. */
export const monotonicMicros = (): number => Number(process.hrtime.bigint() / 1000n)

/**
 * Where a V8 CPU profile (node --cpu-prof) spends its time, biggest first; only the samples taken
 * within `window` when one is given, so that start-up and warm-up stay out of a steady-state profile.
 * Samples are taken on wall-clock time: a function that is descheduled also collects samples.
 */
export async function summariseProfile(file: string, top = 12, window?: Window): Promise<ProfileSummary> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
  const selfTime = new Map<number, number>()
  let time = profile.startTime
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0
    time += delta
    if (window && (time < window.from || time > window.to)) return
    selfTime.set(id, (selfTime.get(id) ?? 0) + delta)
  })
  const total = [...selfTime.values()].reduce((sum, time) => sum + time, 0)
  const byFunction = new Map<string, number>()
  const byPackage = new Map<string, number>()
  const byStage = new Map<string, number>()
  const locate = originalSourceLocator()
  for (const [id, time] of selfTime) {
    const frame = (nodes.get(id) as ProfileNode).callFrame
    if (frame.functionName !== '(idle)') {
      const source =
        frame.url === ''
          ? frame.functionName.startsWith('(')
            ? frame.functionName
            : '(native)'
          : locate(frame.url, frame.lineNumber, frame.columnNumber)
      const stage = stageOf(source)
      byStage.set(stage, (byStage.get(stage) ?? 0) + time)
    }
    const name = `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`
    byFunction.set(name, (byFunction.get(name) ?? 0) + time)
    const owner = packageOf(frame)
    byPackage.set(owner, (byPackage.get(owner) ?? 0) + time)
  }
  const ranked = (times: Map<string, number>) =>
    [...times]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, time]) => ({ name, share: time / total }))
  const idle = byPackage.get('(idle)') ?? 0
  const busy = total - idle
  const stages = [...byStage]
    .sort((a, b) => b[1] - a[1])
    .map(([name, time]) => ({ name, share: busy > 0 ? time / busy : 0 }))
  return { functions: ranked(byFunction), packages: ranked(byPackage), busyMs: busy / 1000, stages }
}

function shortUrl(url: string): string {
  const inPackages = url.lastIndexOf('node_modules/')
  if (inPackages >= 0) return url.slice(inPackages + 'node_modules/'.length)
  const inExamples = url.indexOf('/examples/')
  return inExamples >= 0 ? url.slice(inExamples + 1) : url.replace(/^file:\/\//, '')
}

function packageOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)'
  if (url.startsWith('node:')) return 'node internals'
  if (url.startsWith('wasm://')) return 'WebAssembly'
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url.slice(url.lastIndexOf('node_modules/')))
  return match?.[1] ?? 'service code'
}
