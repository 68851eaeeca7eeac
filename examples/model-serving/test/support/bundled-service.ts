import { execFile, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const serviceRoot = fileURLToPath(new URL('../../', import.meta.url))

export interface BundledService {
  readonly baseUrl: string
  /** Everything it has printed so far, stdout and stderr. */
  output(): string
  /** SIGTERM; resolves with its exit code once it has closed. */
  stop(): Promise<number | null>
}

/**
 * The service as its image runs it: bundled and started by `npm start`'s command, in an
 * environment of `env` alone, on a free port of the loopback interface; resolves once it serves.
 */
export async function startBundledService(env: Record<string, string>): Promise<BundledService> {
  // A bundle of this service's own, removed when it stops: services started side by side never
  // rebuild one another's.
  const outdir = `.dist-test-${randomBytes(4).toString('hex')}`
  await promisify(execFile)(process.execPath, ['scripts/bundle.mjs', `--outdir=${outdir}`], {
    cwd: serviceRoot,
  })
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', `./${outdir}/tracing.js`, `${outdir}/main.js`], {
    cwd: serviceRoot,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const collect = (chunk: Buffer) => {
    output += chunk
  }
  child.stdout.on('data', collect)
  child.stderr.on('data', collect)
  const exited = once(child, 'exit').then(([code]) => code as number | null)
  const baseUrl = `http://127.0.0.1:${port}`
  const removeBundle = () => rm(`${serviceRoot}/${outdir}`, { recursive: true, force: true })
  try {
    await servingAt(baseUrl, exited, () => output)
  } catch (error) {
    child.kill('SIGKILL')
    await exited
    await removeBundle()
    throw error
  }
  return {
    baseUrl,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM')
      const code = await exited
      await removeBundle()
      return code
    },
  }
}

async function servingAt(baseUrl: string, exited: Promise<unknown>, output: () => string): Promise<void> {
  let gone = false
  void exited.then(() => {
    gone = true
  })
  for (const deadline = Date.now() + 30_000; Date.now() < deadline && !gone; ) {
    const live = await fetch(`${baseUrl}/health/live`).then(
      (response) => response.ok,
      () => false,
    )
    if (live) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`the service did not start serving:\n${output()}`)
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()))
    })
  })
}
