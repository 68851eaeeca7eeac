import { mkdtemp, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { anatomyBin as anatomy, repositoryRoot, run } from '../tests/support/run.js'
import { median } from './support/stats.js'

export interface GeneratorSettings {
  /** Times `anatomy new` and `anatomy add resource` each run. */
  readonly repeats: number
  /** Times the generated service's `npm test` runs. */
  readonly testRuns: number
}

export interface Timing {
  readonly step: string
  /** Median wall time. */
  readonly ms: number
  readonly msEach: readonly number[]
}

const resourceFields = 'name:string,size:integer,price:number?,released:date,kind:enum(small|large)'

/**
 * `anatomy new` without install, `anatomy add resource`, then the new service's own `npm test`.
 * The service uses the repository's node_modules (linked, as `npm run examples:sync` does): an
 * install depends on the network, not on anatomy, and is not timed.
 */
export async function measureGenerator(settings: GeneratorSettings): Promise<Timing[]> {
  const news: number[] = []
  const adds: number[] = []
  const tests: number[] = []
  for (let repeat = 0; repeat < settings.repeats; repeat++) {
    const parent = await mkdtemp(join(tmpdir(), 'anatomy-bench-generator-'))
    try {
      const service = join(parent, 'shop')
      news.push(
        await timed(
          process.execPath,
          [anatomy, 'new', 'shop', '--dir', parent, '--yes', '--no-install'],
          parent,
        ),
      )
      await symlink(join(repositoryRoot, 'node_modules'), join(service, 'node_modules'), 'dir')
      adds.push(
        await timed(
          process.execPath,
          [anatomy, 'add', 'resource', 'widget', '--fields', resourceFields, '--service', service, '--yes'],
          parent,
        ),
      )
      if (repeat < settings.testRuns) tests.push(await timed('npm', ['test'], service))
    } finally {
      await rm(parent, { recursive: true, force: true })
    }
  }
  return [
    { step: 'anatomy new (no install)', ms: median(news), msEach: news },
    { step: 'anatomy add resource', ms: median(adds), msEach: adds },
    { step: 'npm test of the new service, with its resource', ms: median(tests), msEach: tests },
  ]
}

/** Runs a command to its end and answers how long it took; throws when it fails. */
async function timed(command: string, args: string[], cwd: string): Promise<number> {
  const started = performance.now()
  // Tests on the embedded database only, whatever this shell points DATABASE_URL at.
  const { code, stdout, stderr } = await run(command, args, { cwd, env: { DATABASE_URL: undefined } })
  if (code !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${code}:\n${(stdout + stderr).slice(-3000)}`)
  }
  return performance.now() - started
}
