import { type ChildProcess, spawn } from 'node:child_process'
import { closeSync, openSync, readFileSync } from 'node:fs'
import { request } from 'node:http'
import { createServer } from 'node:net'
import { environmentOfAFreshShell } from './run.js'

// The benchmarks start their services with this module too: nothing here may import vitest.

export interface ServiceProcess {
  readonly baseUrl: string
  /** Undefined when it could not be spawned at all. */
  readonly pid: number | undefined
  /** When it was spawned, on the clock of performance.now(). */
  readonly spawnedAt: number
  /** Everything it has printed so far, stdout and stderr. */
  readonly output: () => string
  /** Its exit code, or null when a signal ended it. */
  readonly exited: Promise<number | null>
  /** SIGTERM (SIGKILL 15 s later if it is still running); resolves once it has exited. */
  stop(): Promise<void>
}

export interface ProcessOptions {
  /** A file for its output instead of a pipe, so that reading it costs this process nothing. */
  readonly logFile?: string
  /**
   * A process group of its own (the default), signalled whole: npm runs a script through sh, which
   * forwards no signal. Without one, Ctrl-C in the terminal stops it along with this process.
   */
  readonly ownGroup?: boolean
}

export interface ReadyOptions extends ProcessOptions {
  /** The path that answers 200 once the service can serve. */
  readonly readyPath?: string
  readonly timeoutMs?: number
  /** How long to wait between two probes. */
  readonly intervalMs?: number
}

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
 * Starts `command` in `cwd` on a free port of the loopback interface (HOST and PORT set, LOG_LEVEL
 * warn unless `env` says otherwise), in the environment of a fresh shell, as an operator would.
 */
export async function startProcess(
  command: string,
  args: readonly string[],
  cwd: string,
  env: Record<string, string | undefined> = {},
  { logFile, ownGroup = true }: ProcessOptions = {},
): Promise<ServiceProcess> {
  const port = await freePort()
  const log = logFile === undefined ? undefined : openSync(logFile, 'w')
  const spawnedAt = performance.now()
  const child = spawn(command, args, {
    cwd,
    env: { ...environmentOfAFreshShell(), LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...env },
    detached: ownGroup,
    stdio: ['ignore', log ?? 'pipe', log ?? 'pipe'],
  })
  if (log !== undefined) closeSync(log)
  let output = ''
  const collect = (chunk: Buffer) => {
    output += chunk
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', resolve)
    child.once('error', (error) => {
      output += `${error}\n`
      resolve(null)
    })
  })
  const signal = (name: NodeJS.Signals) => signalProcess(child, ownGroup, name)
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid,
    spawnedAt,
    output: () => (logFile === undefined ? output : readFileSync(logFile, 'utf8')),
    exited,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      signal('SIGTERM')
      const killer = setTimeout(() => signal('SIGKILL'), 15_000)
      await exited
      clearTimeout(killer)
    },
  }
}

/**
 * startProcess, then waits until `readyPath` answers 200. If the service exits first or is not
 * ready in time, it is stopped and the error says what it printed.
 */
export async function startReady(
  command: string,
  args: readonly string[],
  cwd: string,
  env: Record<string, string | undefined> = {},
  { readyPath = '/health/ready', timeoutMs = 60_000, intervalMs = 100, ...options }: ReadyOptions = {},
): Promise<ServiceProcess> {
  const service = await startProcess(command, args, cwd, env, options)
  let exitCode: number | null | undefined
  void service.exited.then((code) => {
    exitCode = code
  })
  const url = `${service.baseUrl}${readyPath}`
  const ready = await poll(
    async (remainingMs) => exitCode !== undefined || (await statusOf(url, remainingMs)) === 200,
    timeoutMs,
    intervalMs,
  )
  if (ready && exitCode === undefined) return service
  await service.stop()
  const why = exitCode === undefined ? `no 200 on ${readyPath} within ${timeoutMs} ms` : `exited ${exitCode}`
  const lastLines = service.output().trimEnd().split('\n').slice(-30).join('\n')
  throw new Error(`${[command, ...args].join(' ')} in ${cwd}: ${why} before it was ready:\n${lastLines}`)
}

/** Polls `url` until it answers `status`, or gives up after `timeoutMs`. */
export function waitForStatus(url: string, status: number, timeoutMs: number, intervalMs = 100) {
  return poll(async (remainingMs) => (await statusOf(url, remainingMs)) === status, timeoutMs, intervalMs)
}

/**
 * The status `url` answers, on a connection of its own (none is kept open to hold up a shutdown);
 * undefined when nothing answers within `timeoutMs`.
 */
export function statusOf(url: string, timeoutMs = 10_000): Promise<number | undefined> {
  return new Promise((resolve) => {
    const probe = request(url, { agent: false, timeout: timeoutMs }, (response) => {
      response.resume()
      resolve(response.statusCode)
    })
    probe.on('error', () => resolve(undefined))
    probe.on('timeout', () => probe.destroy())
    probe.end()
  })
}

/** POSTs `body` as JSON. */
export function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

/** Calls `check` (with the time left) until it holds or `timeoutMs` has passed; whether it held. */
async function poll(
  check: (remainingMs: number) => Promise<boolean>,
  timeoutMs: number,
  intervalMs: number,
): Promise<boolean> {
  const deadline = performance.now() + timeoutMs
  for (let left = timeoutMs; left > 0; left = deadline - performance.now()) {
    if (await check(left)) return true
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
  return false
}

function signalProcess(child: ChildProcess, group: boolean, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  try {
    if (group) process.kill(-child.pid, signal)
    else child.kill(signal)
  } catch {
    // already gone
  }
}
