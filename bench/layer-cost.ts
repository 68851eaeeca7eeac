import { createPrivateSchema, type PrivateSchema } from '../tests/support/postgres.js'
import type { ProfileSummary } from './support/cpu-profile.js'
import type { LoadRequest, LoadResult } from './support/load.js'
import { contender, type LoadSettings } from './support/load-settings.js'
import { petsFolder, repositoryRoot, typescriptEntry } from './support/paths.js'
import { profiling } from './support/profiling.js'
import { type RunningService, startServices, withoutRequestLogs } from './support/service-process.js'
import { type Comparison, sideBySide } from './support/side-by-side.js'
import { median } from './support/stats.js'

export interface RouteComparison extends Comparison {
  readonly route: string
  /** With --profile: the CPU time of a request of this route, by stage, in microseconds; each side. */
  readonly stages?: { readonly subject: StageCost[]; readonly baseline: StageCost[] }
}

export interface StageCost {
  readonly stage: string
  readonly micros: number
}

export interface LayerCost {
  readonly routes: readonly RouteComparison[]
  /** With --profile: where the pets service spent the measured time. */
  readonly profile?: ProfileSummary
}

interface Route {
  readonly name: string
  readonly nextRequest: () => LoadRequest
}

const seededPets = 1_000
const owners = 50

/**
 * The price of the anatomy: the pets service on PostgreSQL against a single-file Fastify + pg
 * baseline doing the same SQL (bench/baselines/pets-baseline.ts), route by route, in
 * alternating rounds, on one private schema.
 */
export async function measureLayerCost(
  databaseUrl: string,
  settings: LoadSettings,
  profile: boolean,
): Promise<LayerCost> {
  const schema = await createPrivateSchema(databaseUrl, 'bench')
  const profiler = profiling(profile)
  const running: RunningService[] = []
  try {
    const env = { DATABASE_URL: schema.url }
    const started = await startServices([
      {
        name: 'pets',
        nodeArgs: [...profiler.flagsFor('pets-postgres'), 'dist/main.js'],
        cwd: petsFolder,
        env: { ...env, ...withoutRequestLogs },
      },
      {
        name: 'pets-baseline',
        nodeArgs: [...profiler.flagsFor('pets-baseline'), ...typescriptEntry('baselines/pets-baseline.ts')],
        cwd: repositoryRoot,
        env,
      },
    ])
    running.push(...started)
    const [pets, baseline] = started as [RunningService, RunningService]
    // pets has created its table on start-up.
    const ids = await seedPets(schema)

    const routes: RouteComparison[] = []
    for (const route of routesOver(ids)) {
      const subject = contender(pets, settings, route.nextRequest)
      const reference = contender(baseline, settings, route.nextRequest)
      if (routes.length === 0) profiler.begin()
      profiler.begin(route.name)
      routes.push({ route: route.name, ...(await sideBySide(subject, reference, settings.rounds)) })
      profiler.end(route.name)
    }
    profiler.end()
    await stopAll(running)
    for (const [index, route] of routes.entries()) {
      const [petsStages, baselineStages] = await Promise.all([
        profiler.summarise('pets-postgres', route.route),
        profiler.summarise('pets-baseline', route.route),
      ])
      if (petsStages && baselineStages) {
        routes[index] = {
          ...route,
          stages: {
            subject: stageCosts(petsStages, route.subject.rounds),
            baseline: stageCosts(baselineStages, route.baseline.rounds),
          },
        }
      }
    }
    return { routes, profile: await profiler.summarise('pets-postgres') }
  } finally {
    await stopAll(running)
    await schema.drop()
  }
}

/**
 * The CPU microseconds of one request, split by stage: the process's CPU time per request (median
 * of the measured runs) in the shares its profile gives each stage over the route's stretch.
 */
function stageCosts(profile: ProfileSummary, runs: readonly LoadResult[]): StageCost[] {
  const perRequest = median(runs.map((run) => run.serverCpuMicrosPerRequest ?? Number.NaN))
  return profile.stages.map(({ name, share }) => ({ stage: name, micros: share * perRequest }))
}

async function stopAll(services: RunningService[]): Promise<void> {
  for (const service of services.splice(0)) await service.stop()
}

/** Owners, and pets to read spread over them and over species; gives the pets' and owners' ids. */
async function seedPets(schema: PrivateSchema): Promise<{ pets: string[]; owners: string[] }> {
  const ownerRows = await schema.query<{ id: string }>(
    `insert into owners (id, name)
     select gen_random_uuid(), 'owner-' || i from generate_series(1, ${owners}) as i
     returning id`,
  )
  const petRows = await schema.query<{ id: string }>(
    `insert into pets (id, name, owner_id, species)
     select gen_random_uuid(), 'seed-' || i, (select id from owners order by id offset (i % ${owners}) limit 1),
            (array['dog', 'cat', 'bird', 'other'])[1 + i % 4]
     from generate_series(1, ${seededPets}) as i
     returning id`,
  )
  return { pets: petRows.map((row) => row.id), owners: ownerRows.map((row) => row.id) }
}

/** The routes compared; both sides get the very same sequence of requests. */
function routesOver({
  pets: ids,
  owners: ownerIds,
}: {
  pets: readonly string[]
  owners: readonly string[]
}): Route[] {
  let nextId = 0
  let nextPet = 0
  return [
    {
      name: 'GET /pets/{id}',
      nextRequest: () => ({ path: `/pets/${ids[nextId++ % ids.length]}` }),
    },
    { name: 'GET /pets?limit=20', nextRequest: () => ({ path: '/pets?limit=20' }) },
    {
      name: 'POST /pets',
      nextRequest: () => {
        // A name no pet of the owner has yet: every request is a 201, never a 409.
        const n = nextPet++
        const pet = {
          name: `bench-${n}`,
          ownerId: ownerIds[n % ownerIds.length],
          species: 'cat',
          description: 'benchmark',
        }
        return { method: 'POST', path: '/pets', body: JSON.stringify(pet) }
      },
    },
  ]
}
