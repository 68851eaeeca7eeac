import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { createPrivateSchema } from '../tests/support/postgres.js'
import { compileBaseline } from './support/baseline.js'
import { monotonicMicros, type ProfileSummary, summariseProfile } from './support/cpu-profile.js'
import { benchFolder, modelServingFolder, petsFolder, resultsFolder } from './support/paths.js'
import { startService } from './support/service-process.js'
import { median } from './support/stats.js'

export const startupBaseline = 'baseline: Fastify + pg in one file (PostgreSQL)'

export interface StartupSettings {
  /** Spawns of each fast-starting service (PostgreSQL, model-serving). */
  readonly spawns: number
  /** Spawns of pets on PGlite, in each of its three ways of starting. */
  readonly pgliteSpawns: number
  /** Runs of `npm run dev`, each with one save of a source file. */
  readonly devRuns: number
}

export interface StartupResult {
  readonly service: string
  /** Median time from spawn to the first 200 on /health/ready. */
  readonly readyMs: number
  readonly readyMsEach: readonly number[]
  /** Largest peak RSS over the spawns, read once ready. */
  readonly peakRssBytes: number
  readonly profile?: ProfileSummary
}

interface Subject {
  readonly service: string
  readonly cwd: string
  /** The script node runs, relative to cwd. */
  readonly entry: string
  /** The environment of each spawn. */
  readonly env: () => Promise<Record<string, string>> | Record<string, string>
  readonly spawns: number
}

/**
 * From `node dist/main.js` to ready, for each service as it would start in a container. Pets on
 * PostgreSQL starts on a schema its first (unmeasured) start has migrated, as any restart does;
 * pets on PGlite starts three ways: making a new data folder from the snapshot, reopening one, and
 * in memory.
 * The floor, measured alongside: the layer-cost baseline (Fastify and pg in one file, compiled to
 * plain JavaScript) answering its own ready route on the same database.
 */
export async function measureStartup(
  databaseUrl: string | undefined,
  settings: StartupSettings,
  profile: boolean,
): Promise<StartupResult[]> {
  const schema = databaseUrl ? await createPrivateSchema(databaseUrl, 'bench') : undefined
  // Where a service keeps its embedded database: in its own (git-ignored) .data folder.
  await mkdir(join(petsFolder, '.data'), { recursive: true })
  const scratch = await mkdtemp(join(petsFolder, '.data', 'bench-'))
  const scratchFolder = () => mkdtemp(join(scratch, 'data-'))
  const reopened = join(await scratchFolder(), 'pglite')
  const pgliteRestart: Subject = {
    service: 'pets (PGlite, restart: the data folder reopened)',
    cwd: petsFolder,
    entry: 'dist/main.js',
    env: () => ({ DATABASE_URL: '', PGLITE_DATA_DIR: reopened }),
    spawns: settings.pgliteSpawns,
  }
  try {
    const subjects: Subject[] = [
      ...(schema
        ? [
            {
              service: 'pets (PostgreSQL)',
              cwd: petsFolder,
              entry: 'dist/main.js',
              env: () => ({ DATABASE_URL: schema.url }),
              spawns: settings.spawns,
            },
            {
              service: startupBaseline,
              cwd: benchFolder,
              entry: await compileBaseline(),
              env: () => ({ DATABASE_URL: schema.url }),
              spawns: settings.spawns,
            },
          ]
        : []),
      {
        service: 'pets (PGlite, first start: data folder made from the snapshot)',
        cwd: petsFolder,
        entry: 'dist/main.js',
        env: async () => ({ DATABASE_URL: '', PGLITE_DATA_DIR: join(await scratchFolder(), 'pglite') }),
        spawns: settings.pgliteSpawns,
      },
      pgliteRestart,
      {
        service: 'pets (PGlite, in memory, from the snapshot)',
        cwd: petsFolder,
        entry: 'dist/main.js',
        env: () => ({ DATABASE_URL: '', PGLITE_DATA_DIR: 'memory://' }),
        spawns: settings.pgliteSpawns,
      },
      {
        service: 'model-serving',
        cwd: modelServingFolder,
        entry: 'dist/main.js',
        env: () => ({}),
        spawns: settings.spawns,
      },
    ]
    // A first start, untimed, leaves what every restart finds: a migrated schema, a data folder.
    await startOnce(pgliteRestart, [])
    if (schema) await startOnce(subjects[0] as Subject, [])
    const results: StartupResult[] = []
    for (const subject of subjects) {
      const readyMsEach: number[] = []
      let peakRssBytes = 0
      for (let spawn = 0; spawn < subject.spawns; spawn++) {
        const started = await startOnce(subject, [])
        readyMsEach.push(started.readyMs)
        peakRssBytes = Math.max(peakRssBytes, started.peakRssBytes)
      }
      const profiled = profile && subject.spawns > 0 ? await profileStart(subject) : undefined
      results.push({
        service: subject.service,
        readyMs: median(readyMsEach),
        readyMsEach,
        peakRssBytes,
        profile: profiled,
      })
    }
    return results
  } finally {
    await schema?.drop()
    await rm(scratch, { recursive: true, force: true })
  }
}

async function startOnce(subject: Subject, nodeFlags: string[]) {
  const service = await startService({
    name: subject.service,
    nodeArgs: [...nodeFlags, subject.entry],
    cwd: subject.cwd,
    env: await subject.env(),
  })
  const peakRssBytes = await service.peakRssBytes()
  await service.stop()
  return { readyMs: service.readyAfterMs, peakRssBytes }
}

/** One more start under the profiler: where the time to ready goes. */
async function profileStart(subject: Subject): Promise<ProfileSummary> {
  const name = `startup-${subject.service.replace(/\W+/g, '-').replace(/-$/, '')}`
  const from = monotonicMicros()
  const flags = ['--cpu-prof', `--cpu-prof-dir=${resultsFolder}`, `--cpu-prof-name=${name}.cpuprofile`]
  const { readyMs } = await startOnce(subject, flags)
  return summariseProfile(join(resultsFolder, `${name}.cpuprofile`), 15, { from, to: from + readyMs * 1000 })
}
