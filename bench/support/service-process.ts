import { type ChildProcess, spawn } from 'node:child_process'
import { openSync, readFileSync } from 'node:fs'
import { mkdtemp, readFile } from 'node:fs/promises'
import { request } from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freshShellEnvironment } from './environment.js'

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

const pollIntervalMs = 5

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()))
    })
  })
}

/**
 * Spawns `node <nodeArgs>` on a free port of the loopback interface and waits for readiness.
 * Its output goes to a file rather than a pipe, so reading it costs the benchmark nothing.
 */
export async function startService(spec: ServiceSpec): Promise<RunningService> {
  const port = await freePort()
  const logFile = join(await mkdtemp(join(tmpdir(), 'anatomy-bench-')), `${spec.name}.log`)
  const log = openSync(logFile, 'w')
  const url = `http://127.0.0.1:${port}`
  const spawnedAt = performance.now()
  const child = spawn(process.execPath, spec.nodeArgs, {
    cwd: spec.cwd,
    env: freshShellEnvironment({ HOST: '127.0.0.1', PORT: String(port), ...spec.env }),
    stdio: ['ignore', log, log],
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  const failure = exited.then((code) => {
    throw new Error(`${spec.name} exited with ${code} before it was ready:\n${tail(logFile)}`)
  })
  const ready = waitForOk(`${url}${spec.readyPath ?? '/health/ready'}`, spec.readyTimeoutMs ?? 60_000)
  try {
    await Promise.race([ready, failure])
  } catch (error) {
    await stopChild(child, exited)
    throw error
  }
  failure.catch(() => {})
  const readyAfterMs = performance.now() - spawnedAt
  const pid = child.pid as number
  return {
    name: spec.name,
    url,
    pid,
    readyAfterMs,
    peakRssBytes: () => peakRssBytes(pid),
    cpuTimeMs: () => cpuTimeMs(pid),
    stop: () => stopChild(child, exited),
  }
}

async function waitForOk(url: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs
  while (performance.now() < deadline) {
    if ((await statusOf(url)) === 200) return
    await new Promise((resolve) => setTimeout(resolve, pollIntervalMs))
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`)
}

function statusOf(url: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const probe = request(url, { agent: false, timeout: 1_000 }, (response) => {
      response.resume()
      resolve(response.statusCode)
    })
    probe.on('error', () => resolve(undefined))
    probe.on('timeout', () => probe.destroy())
    probe.end()
  })
}

async function peakRssBytes(pid: number): Promise<number> {
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

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGTERM')
  const killer = setTimeout(() => child.kill('SIGKILL'), 15_000)
  await exited
  clearTimeout(killer)
}

function tail(file: string): string {
  return readFileSync(file, 'utf8').split('\n').slice(-20).join('\n')
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
