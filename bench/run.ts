/**
 * The benchmarks: npm run bench [-- --quick] [--profile] [--only layer,serving,startup,generator]
 *
 * Writes bench/results/<date>[-quick][-profile].json and .md, and prints the Markdown.
 * PostgreSQL comes from DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); the
 * benchmarks work in a schema of their own and drop it when done.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { buildCli } from '../generator/build.js'
import { isReachable } from '../tests/support/postgres.js'
import { measureDevLoop } from './dev-loop.js'
import { measureGenerator } from './generator.js'
import { measureLayerCost } from './layer-cost.js'
import { judgeTargets, type Results, type Settings, toMarkdown } from './report.js'
import { measureServing } from './serving.js'
import { measureStartup } from './startup.js'
import { buildServices } from './support/build.js'
import { describeMachine } from './support/machine.js'
import { modelServingFolder, petsFolder, resultsFolder } from './support/paths.js'
import { progress } from './support/progress.js'

const benchmarks = ['layer', 'serving', 'startup', 'generator'] as const
type Benchmark = (typeof benchmarks)[number]

/** How hard and how long the layer cost and the HTTP limit are each driven: alike. */
const load = (seconds: number, rounds: number) =>
  ({ connections: 50, durationSeconds: seconds, warmUpSeconds: seconds, rounds }) as const

const full: Settings = {
  layerCost: load(5, 8),
  serving: {
    httpLimit: load(5, 8),
    batching: { connections: 64, durationSeconds: 5, warmUpSeconds: 3, rounds: 3 },
    batchDelaysMs: [0, 1, 2, 5],
    inferenceSecondsPerBatchSize: 2,
  },
  startup: { spawns: 10, pgliteSpawns: 5, devRuns: 3 },
  generator: { repeats: 3, testRuns: 1 },
}

/** Under two minutes: more, shorter rounds rather than fewer long ones, for steadier medians. */
const quick: Settings = {
  layerCost: load(1, 3),
  serving: {
    httpLimit: load(1, 3),
    batching: { connections: 64, durationSeconds: 1, warmUpSeconds: 1, rounds: 2 },
    batchDelaysMs: full.serving.batchDelaysMs,
    inferenceSecondsPerBatchSize: 0.4,
  },
  startup: { spawns: 3, pgliteSpawns: 2, devRuns: 1 },
  generator: { repeats: 1, testRuns: 1 },
}

const { values: options } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    only: { type: 'string', default: benchmarks.join(',') },
  },
})
const selected = new Set(options.only.split(',').map((name) => name.trim()))
for (const name of selected) {
  if (!benchmarks.includes(name as Benchmark)) throw new Error(`--only: unknown benchmark "${name}"`)
}

const settings = options.quick ? quick : full
const startedAt = new Date()
const started = performance.now()
const machine = describeMachine()
const databaseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres'
const postgres = (await isReachable(databaseUrl)) ? databaseUrl : undefined
const skipped: Record<string, string> = {}
if (!postgres) skipped['Layer cost and start-up on PostgreSQL'] = `no PostgreSQL answers at ${databaseUrl}`

progress('building the services where dist/ is older than src/')
const built = await buildServices([petsFolder, modelServingFolder])
progress(built.length > 0 ? `built ${built.length} service(s)` : 'builds are up to date')

/** Runs a benchmark when it was selected, saying so on stderr. */
async function when<T>(name: Benchmark, title: string, measure: () => Promise<T>): Promise<T | undefined> {
  if (!selected.has(name)) return undefined
  progress(title)
  return measure()
}

const layerCost = postgres
  ? await when('layer', 'layer cost: pets against the single-file baseline', () =>
      measureLayerCost(postgres, settings.layerCost, options.profile),
    )
  : undefined
const serving = await when('serving', 'serving: HTTP limit, batching, in-process limit', () =>
  measureServing(settings.serving, options.profile),
)
const startup = await when('startup', 'start-up and peak RSS', () =>
  measureStartup(postgres, settings.startup, options.profile),
)
const devLoop = await when('startup', 'npm run dev: ready, and again after a save', () =>
  measureDevLoop(settings.startup.devRuns),
)
const generator = await when('generator', 'generator: new, add resource, npm test', async () => {
  await buildCli()
  return measureGenerator(settings.generator)
})

const measured = {
  startedAt: startedAt.toISOString(),
  mode: options.quick ? 'quick' : 'full',
  profiled: options.profile,
  machine,
  settings,
  runSeconds: (performance.now() - started) / 1000,
  layerCost,
  serving,
  startup,
  devLoop,
  generator,
  skipped,
} as const
const results: Results = { ...measured, targets: judgeTargets(measured) }

const stamp = [startedAt.toISOString().slice(0, 10), options.quick && 'quick', options.profile && 'profile']
  .filter(Boolean)
  .join('-')
await mkdir(resultsFolder, { recursive: true })
const markdown = toMarkdown(results)
await writeFile(join(resultsFolder, `${stamp}.json`), `${JSON.stringify(results, null, 2)}\n`)
await writeFile(join(resultsFolder, `${stamp}.md`), markdown)
progress(`wrote bench/results/${stamp}.json and .md`)
process.stdout.write(markdown)
