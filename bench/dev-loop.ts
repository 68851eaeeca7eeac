import { mkdir, mkdtemp, readFile, rm, utimes } from 'node:fs/promises'
import { join } from 'node:path'
import { startReady, statusOf } from '../tests/support/service-process.js'
import { petsFolder } from './support/paths.js'
import { peakRssBytes } from './support/service-process.js'
import { median } from './support/stats.js'

export interface DevLoopResult {
  /** Median time from typing `npm run dev` to the first 200 on /health/ready. */
  readonly readyMs: number
  /** Median time from saving a source file to the restarted service's first 200. */
  readonly restartMs: number
  /** Peak RSS of the service process (not npm, not the watcher), the largest seen. */
  readonly peakRssBytes: number
  readonly runs: number
}

/**
 * `npm run dev` in pets on the embedded database, as a developer lives with it: started with the
 * data folder a previous run left (the first, unmeasured run makes it from the snapshot), then a
 * source file saved, and the time until the rebuilt service answers again.
 */
export async function measureDevLoop(runs: number): Promise<DevLoopResult> {
  await mkdir(join(petsFolder, '.data'), { recursive: true })
  const dataFolder = await mkdtemp(join(petsFolder, '.data', 'bench-dev-'))
  const env = { DATABASE_URL: '', PGLITE_DATA_DIR: join(dataFolder, 'pglite') }
  try {
    await (await startDev(env)).stop()
    const ready: number[] = []
    const restarts: number[] = []
    let peakRssBytes = 0
    for (let run = 0; run < runs; run++) {
      const dev = await startDev(env)
      ready.push(dev.readyMs)
      restarts.push(await dev.restartAfterSave())
      peakRssBytes = Math.max(peakRssBytes, await dev.servicePeakRssBytes())
      await dev.stop()
    }
    return { readyMs: median(ready), restartMs: median(restarts), peakRssBytes, runs }
  } finally {
    await rm(dataFolder, { recursive: true, force: true })
  }
}

async function startDev(env: Record<string, string>) {
  const dev = await startReady('npm', ['run', 'dev'], petsFolder, env, { intervalMs: 5 })
  const readyMs = performance.now() - dev.spawnedAt
  const ready = `${dev.baseUrl}/health/ready`
  return {
    readyMs,
    async restartAfterSave(): Promise<number> {
      const saved = performance.now()
      const now = new Date()
      await utimes(join(petsFolder, 'src/app.ts'), now, now)
      await until(async () => (await statusOf(ready)) === undefined)
      await until(async () => (await statusOf(ready)) === 200)
      return performance.now() - saved
    },
    servicePeakRssBytes: async () => peakRssBytes(await servicePid(dev.pid)),
    async stop(): Promise<void> {
      const service = await servicePid(dev.pid)
      await dev.stop()
      await until(async () => !(await isRunning(service)))
    },
  }
}

/** The process npm run dev ends up running the service in: node on dist/main.js, below npm and the watcher. */
async function servicePid(root: number | undefined): Promise<number> {
  const queue = root === undefined ? [] : [root]
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')
    if (command.includes('dist/main.js')) return pid
    const children = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '')
    queue.push(...children.split(' ').filter(Boolean).map(Number))
  }
  throw new Error('npm run dev runs no node dist/main.js')
}

async function isRunning(pid: number): Promise<boolean> {
  return readFile(`/proc/${pid}/stat`, 'utf8').then(
    (stat) => !/^\d+ \(.*\) Z/.test(stat),
    () => false,
  )
}

async function until(condition: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`npm run dev: no answer within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}
