import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { environmentOfAFreshShell } from './run.js'

export interface ServiceProcess {
  readonly baseUrl: string
  readonly output: () => string
  /** SIGTERM to the process and its children; resolves once it has exited. */
  stop(): Promise<void>
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

/** Starts `command` in `cwd` with PORT set, as an operator would; stop() sends SIGTERM to it all. */
export async function startProcess(
  command: string,
  args: readonly string[],
  cwd: string,
  env: Record<string, string | undefined> = {},
): Promise<ServiceProcess & { readonly exited: Promise<number | null> }> {
  const port = await freePort()
  const child = spawn(command, args, {
    cwd,
    env: { ...environmentOfAFreshShell(), LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => {
    output += chunk
  })
  child.stderr?.on('data', (chunk) => {
    output += chunk
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => output,
    exited,
    stop: async () => {
      signalGroup(child, 'SIGTERM')
      await exited
    },
  }
}

/** Polls `url` until it answers `status`, or gives up after `timeoutMs`. */
export async function waitForStatus(url: string, status: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const answered = await fetch(url).then(
      (response) => response.status,
      () => undefined,
    )
    if (answered === status) return true
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return false
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    // already gone
  }
}
