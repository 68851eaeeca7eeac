import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url))
export const anatomyBin = fileURLToPath(new URL('../../generator/bin/anatomy.js', import.meta.url))

export interface RunResult {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

export interface RunOptions {
  readonly cwd?: string
  readonly env?: Record<string, string | undefined>
  readonly input?: string
}

/** Runs a command to completion and reports what it printed; never throws on a non-zero exit. */
export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? repositoryRoot,
      env: { ...environmentOfAFreshShell(), ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    // A command may exit before reading its input (a refusal does): its exit code and output say so.
    child.stdin.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') reject(error)
    })
    child.stdin.end(options.input ?? '')
  })
}

export function runAnatomy(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return run(process.execPath, [anatomyBin, ...args], options)
}

/**
 * The environment without what npm and vitest set for this run, so a command behaves as it would
 * when typed in a terminal (a nested `npm install` or `vitest` must not inherit this run's state).
 */
export function environmentOfAFreshShell(): Record<string, string | undefined> {
  const inherited = Object.entries(process.env).filter(
    ([key]) => !/^(npm_|VITEST|TINYPOOL)/i.test(key) && !inheritedFromThisRun.includes(key),
  )
  return { ...Object.fromEntries(inherited), NO_COLOR: '1' }
}

const inheritedFromThisRun = ['INIT_CWD', 'NODE_ENV', 'NODE_OPTIONS', 'FORCE_COLOR']

/**
 * Runs a command in a pseudo-terminal (`script`), as a person at a keyboard would, typing each
 * answer once the command has printed its question: never before, however slow the machine.
 */
export function runInTerminal(
  command: string,
  answers: readonly (readonly [question: RegExp, keys: string])[],
  options: RunOptions = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: options.cwd ?? repositoryRoot,
      env: { ...environmentOfAFreshShell(), ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    const pending = [...answers]
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
      for (let next = pending[0]; next?.[0].test(stdout); next = pending[0]) {
        pending.shift()
        child.stdin.write(next[1])
      }
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}
