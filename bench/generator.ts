import { spawn } from 'node:child_process'
import { mkdtemp, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freshShellEnvironment } from './support/environment.js'
import { repositoryRoot } from './support/paths.js'
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

const anatomy = join(repositoryRoot, 'generator', 'bin', 'anatomy.js')
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
function timed(command: string, args: string[], cwd: string): Promise<number> {
  // Tests on the embedded database only, whatever this shell points DATABASE_URL at.
  const { DATABASE_URL: _ignored, ...env } = freshShellEnvironment()
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
    })
    child.stderr.on('data', (chunk) => {
      output += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) resolve(performance.now() - started)
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.slice(-3000)}`))
    })
  })
}
