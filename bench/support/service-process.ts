import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startReady } from '../../tests/support/service-process.js'

export interface ServiceSpec {
  /** A name for messages. */
  readonly name: string
  /** What node runs: the entry file, after any node flags (e.g. --cpu-prof). */
  readonly nodeArgs: readonly string[]
  readonly cwd: string
  readonly env?: Record<string, string>
  /** Answers 200 once the service can serve. */
  readonly readyPath?: string
  readonly readyTimeoutMs?: number
}

export interface RunningService {
  readonly name: string
  readonly url: string
  readonly pid: number
  /** From spawn to the first 200 on the ready path. */
  readonly readyAfterMs: number
  /** The most memory the process has held so far (VmHWM). */
  peakRssBytes(): Promise<number>
  /** CPU time the process has used so far, user and system, every thread. */
  cpuTimeMs(): Promise<number>
  /** SIGTERM, as an orchestrator stops a service; resolves once it has exited. */
  stop(): Promise<void>
}

/**
 * Spawns `node <nodeArgs>` on a free port of the loopback interface and waits for readiness,
 * probing every 5 ms. It logs at the level a shell would give it, to a file rather than a pipe, so
 * reading its output costs the benchmark nothing; Ctrl-C stops it with the benchmarks.
 */
export async function startService(spec: ServiceSpec): Promise<RunningService> {
  const logFile = join(await mkdtemp(join(tmpdir(), 'anatomy-bench-')), `${spec.name}.log`)
  const service = await startReady(
    process.execPath,
    spec.nodeArgs,
    spec.cwd,
    { LOG_LEVEL: process.env.LOG_LEVEL, ...spec.env },
    {
      readyPath: spec.readyPath,
      timeoutMs: spec.readyTimeoutMs,
      intervalMs: 5,
      logFile,
      ownGroup: false,
    },
  )
  const readyAfterMs = performance.now() - service.spawnedAt
  const { pid } = service
  if (pid === undefined) throw new Error(`${spec.name} has no process id`)
  return {
    name: spec.name,
    url: service.baseUrl,
    pid,
    readyAfterMs,
    peakRssBytes: () => peakRssBytes(pid),
    cpuTimeMs: () => cpuTimeMs(pid),
    stop: service.stop,
  }
}

export async function peakRssBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const kibibytes = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1]
  if (!kibibytes) throw new Error(`no VmHWM in /proc/${pid}/status`)
  return Number(kibibytes) * 1024
}

/** Clock ticks per second of /proc/<pid>/stat times: 100 on every Linux this runs on. */
const clockTicksPerSecond = 100

async function cpuTimeMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[11]) + Number(fields[12])
  return (ticks * 1000) / clockTicksPerSecond
}

/** Starts services side by side; if one fails, stops the others before throwing its error. */
export async function startServices(specs: readonly ServiceSpec[]): Promise<RunningService[]> {
  const outcomes = await Promise.allSettled(specs.map((spec) => startService(spec)))
  const started = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []))
  const failure = outcomes.find((outcome) => outcome.status === 'rejected')
  if (failure) {
    for (const service of started) await service.stop()
    throw failure.reason
  }
  return started
}

/**
 * The baselines log no request; nor, here, do the services (LOG_REQUESTS is true by default). Two
 * log lines a request cost about 9 µs on this machine: a quarter of a trivial route's throughput.
 */
export const withoutRequestLogs = { LOG_REQUESTS: 'false' }
