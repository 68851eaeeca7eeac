import type { DevLoopResult } from './dev-loop.js'
import type { GeneratorSettings, Timing } from './generator.js'
import type { LayerCost, StageCost } from './layer-cost.js'
import type { Serving, ServingSettings } from './serving.js'
import { type StartupResult, type StartupSettings, startupBaseline } from './startup.js'
import type { ProfileSummary } from './support/cpu-profile.js'
import type { LoadSettings } from './support/load-settings.js'
import type { Machine } from './support/machine.js'
import {
  duration,
  mark,
  megabytes,
  milliseconds,
  ratio,
  requestsPerSecond,
  table,
} from './support/markdown.js'
import { stageNames } from './support/source-locations.js'

export interface Settings {
  readonly layerCost: LoadSettings
  readonly serving: ServingSettings
  readonly startup: StartupSettings
  readonly generator: GeneratorSettings
}

export interface Results {
  readonly startedAt: string
  readonly mode: 'quick' | 'full'
  readonly profiled: boolean
  readonly machine: Machine
  readonly settings: Settings
  readonly runSeconds: number
  readonly layerCost?: LayerCost
  readonly serving?: Serving
  readonly startup?: readonly StartupResult[]
  readonly devLoop?: DevLoopResult
  readonly generator?: readonly Timing[]
  /** Why a benchmark did not run (no PostgreSQL, not selected). */
  readonly skipped: Readonly<Record<string, string>>
  readonly targets: readonly Target[]
}

export interface Target {
  readonly name: string
  readonly goal: string
  readonly measured: string
  readonly met: boolean
}

export const targetLayerRatio = 0.85
export const targetHttpRatio = 0.85
export const targetBatchingSpeedup = 3
export const targetStartupMs = 300
export const targetEmbeddedStartupMs = 1_500
export const targetEmbeddedRssBytes = 300 * 2 ** 20

/** Each target of the benchmarks, judged on these results. */
export function judgeTargets(results: Omit<Results, 'targets'>): Target[] {
  const targets: Target[] = []
  for (const route of results.layerCost?.routes ?? []) {
    targets.push({
      name: `layer cost, ${route.route}`,
      goal: `pets/baseline ≥ ${targetLayerRatio}`,
      measured: ratio(route.ratio),
      met: route.ratio >= targetLayerRatio,
    })
  }
  const serving = results.serving
  if (serving) {
    targets.push({
      name: 'HTTP limit, POST /predict',
      goal: `predict/bare ≥ ${targetHttpRatio}`,
      measured: ratio(serving.httpLimit.ratio),
      met: serving.httpLimit.ratio >= targetHttpRatio,
    })
    const best = Math.max(...serving.batching.on.map((point) => point.speedup))
    targets.push({
      name: `batching at ${serving.batching.connections} connections`,
      goal: `≥ ${targetBatchingSpeedup}× unbatched`,
      measured: `${best.toFixed(1)}×`,
      met: best >= targetBatchingSpeedup,
    })
  }
  const postgres = results.startup?.find((result) => result.service === 'pets (PostgreSQL)')
  const baseline = results.startup?.find((result) => result.service === startupBaseline)
  if (postgres) {
    targets.push({
      name: 'start-up, pets on PostgreSQL',
      goal: `< ${targetStartupMs} ms`,
      measured: duration(postgres.readyMs) + (baseline ? ` (baseline ${duration(baseline.readyMs)})` : ''),
      met: postgres.readyMs < targetStartupMs,
    })
  }
  for (const result of results.startup?.filter((result) => result.service.includes('PGlite')) ?? []) {
    targets.push(embeddedTarget(`start-up, ${result.service}`, result.readyMs, result.peakRssBytes))
  }
  const dev = results.devLoop
  if (dev) {
    targets.push(embeddedTarget('npm run dev, ready', dev.readyMs, dev.peakRssBytes))
    targets.push(embeddedTarget('npm run dev, ready again after a save', dev.restartMs, dev.peakRssBytes))
  }
  return targets
}

function embeddedTarget(name: string, readyMs: number, peakRssBytes: number): Target {
  return {
    name,
    goal: `< ${duration(targetEmbeddedStartupMs)} and < ${megabytes(targetEmbeddedRssBytes)}`,
    measured: `${duration(readyMs)}, ${megabytes(peakRssBytes)}`,
    met: readyMs < targetEmbeddedStartupMs && peakRssBytes < targetEmbeddedRssBytes,
  }
}

export function toMarkdown(results: Results): string {
  const { machine } = results
  const sections = [
    `Measured ${results.startedAt.slice(0, 16).replace('T', ' ')} UTC with \`npm run bench${results.mode === 'quick' ? ' -- --quick' : ''}\`` +
      ` (${Math.round(results.runSeconds)} s${results.profiled ? ', under the profiler' : ''}): ${machine.cores} cores (${machine.cpu}),` +
      ` Node ${machine.node}, load average ${machine.loadAverageBefore} before the run; everything on loopback.`,
    layerCostSection(results),
    servingSection(results),
    startupSection(results),
    generatorSection(results),
    `**Targets**\n\n${table(
      ['target', 'goal', 'measured', ''],
      results.targets.map((target) => [target.name, target.goal, target.measured, mark(target.met)]),
    )}`,
    ...Object.entries(results.skipped).map(([name, reason]) => `*${name} not measured: ${reason}.*`),
    profilesSection(results),
  ]
  return `${sections.filter(Boolean).join('\n\n')}\n`
}

function layerCostSection({ layerCost, settings }: Results): string {
  if (!layerCost) return ''
  const load = settings.layerCost
  return [
    `**Layer cost**: pets on PostgreSQL against one file of Fastify + pg doing the same SQL` +
      ` (bench/baselines/pets-baseline.ts); ${load.connections} connections, medians of ${load.rounds}` +
      ` alternating rounds of ${load.durationSeconds} s each.`,
    table(
      ['route', 'pets req/s', 'p50 ms', 'p99 ms', 'baseline req/s', 'p50 ms', 'p99 ms', 'pets/baseline'],
      layerCost.routes.map((route) => [
        `\`${route.route}\``,
        requestsPerSecond(route.subject.requestsPerSecond),
        milliseconds(route.subject.p50Ms),
        milliseconds(route.subject.p99Ms),
        requestsPerSecond(route.baseline.requestsPerSecond),
        milliseconds(route.baseline.p50Ms),
        milliseconds(route.baseline.p99Ms),
        ratio(route.ratio),
      ]),
    ),
    stageCostTable(layerCost),
  ]
    .filter(Boolean)
    .join('\n\n')
}

/** CPU microseconds of one request by stage, pets and baseline, route by route (with --profile). */
function stageCostTable(layerCost: LayerCost): string {
  const routes = layerCost.routes.filter((route) => route.stages)
  if (routes.length === 0) return ''
  const microsOf = (costs: readonly StageCost[], stage: string) =>
    costs.find((cost) => cost.stage === stage)?.micros ?? 0
  const cell = (micros: number) => (micros >= 0.5 ? micros.toFixed(0) : '·')
  const present = stageNames.filter((stage) =>
    routes.some(
      ({ stages }) => microsOf(stages?.subject ?? [], stage) + microsOf(stages?.baseline ?? [], stage) >= 0.5,
    ),
  )
  const total = (costs: readonly StageCost[]) => costs.reduce((sum, cost) => sum + cost.micros, 0)
  return [
    "*CPU µs per request, by stage* (the service process's CPU time per request, split as its CPU profile over the route's rounds splits it; stages by source file, through the bundle's source maps): pets / baseline.",
    table(
      ['stage', ...routes.map((route) => `\`${route.route}\``)],
      [
        ...present.map((stage) => [
          stage,
          ...routes.map(
            ({ stages }) =>
              `${cell(microsOf(stages?.subject ?? [], stage))} / ${cell(microsOf(stages?.baseline ?? [], stage))}`,
          ),
        ]),
        [
          '**total**',
          ...routes.map(
            ({ stages }) =>
              `**${cell(total(stages?.subject ?? []))} / ${cell(total(stages?.baseline ?? []))}**`,
          ),
        ],
      ],
    ),
  ].join('\n\n')
}

function servingSection({ serving, settings }: Results): string {
  if (!serving) return ''
  const { httpLimit, batching, inferenceLimit } = serving
  const http = settings.serving.httpLimit
  const load = settings.serving.batching
  const rows = [
    [
      '`POST /predict`, iris, 1 instance',
      requestsPerSecond(httpLimit.subject.requestsPerSecond),
      milliseconds(httpLimit.subject.p50Ms),
      milliseconds(httpLimit.subject.p99Ms),
      `${ratio(httpLimit.ratio)} of the bare route`,
    ],
    [
      'bare Fastify route, fixed body',
      requestsPerSecond(httpLimit.baseline.requestsPerSecond),
      milliseconds(httpLimit.baseline.p50Ms),
      milliseconds(httpLimit.baseline.p99Ms),
      '',
    ],
    [
      'load model, batching off',
      requestsPerSecond(batching.off.requestsPerSecond),
      milliseconds(batching.off.p50Ms),
      milliseconds(batching.off.p99Ms),
      '1×',
    ],
    ...batching.on.map((point) => [
      `load model, batches ≤ ${batching.maxBatchSize}, delay ${point.maxDelayMs} ms`,
      requestsPerSecond(point.summary.requestsPerSecond),
      milliseconds(point.summary.p50Ms),
      milliseconds(point.summary.p99Ms),
      `${point.speedup.toFixed(1)}× unbatched`,
    ]),
    [
      `load model in process, batch of ${inferenceLimit.best.batchSize}, no HTTP`,
      requestsPerSecond(inferenceLimit.best.instancesPerSecond),
      '',
      '',
      `served/limit ${ratio(inferenceLimit.servedShare)}`,
    ],
  ]
  return [
    `**Serving**: model-serving with its defaults against a bare Fastify route answering the same body` +
      ` (${http.connections} connections, medians of ${http.rounds} alternating rounds of ${http.durationSeconds} s);` +
      ` then the load model (${batching.model}; one instance per request) at` +
      ` ${load.connections} connections, batching off and on, medians of ${load.rounds} rotating rounds of` +
      ` ${load.durationSeconds} s. Predictions/s equal requests/s here.`,
    table(['', 'req/s', 'p50 ms', 'p99 ms', ''], rows),
  ].join('\n\n')
}

function startupSection({ startup, devLoop, settings }: Results): string {
  if (!startup) return ''
  const dev = devLoop
    ? [
        ['`npm run dev` in pets (PGlite, data folder kept), ready', devLoop.readyMs],
        ['`npm run dev`, ready again after a source file is saved', devLoop.restartMs],
      ].map(([what, ms]) => [String(what), duration(Number(ms)), megabytes(devLoop.peakRssBytes)])
    : []
  return [
    `**Start-up**: from spawning \`node dist/main.js\` to the first 200 on \`/health/ready\`, median of` +
      ` ${settings.startup.spawns} spawns (${settings.startup.pgliteSpawns} of each way PGlite starts); peak RSS once ready.` +
      (devLoop
        ? ` \`npm run dev\`: median of ${devLoop.runs} runs, from typing it; RSS of the service process.`
        : ''),
    table(
      ['service', 'ready after', 'peak RSS'],
      [
        ...startup.map((result) => [
          result.service,
          duration(result.readyMs),
          megabytes(result.peakRssBytes),
        ]),
        ...dev,
      ],
    ),
  ].join('\n\n')
}

function generatorSection({ generator }: Results): string {
  if (!generator) return ''
  return [
    '**Generator**: wall time of each step, in a temporary folder.',
    table(
      ['step', 'time'],
      generator.map((timing) => [timing.step, duration(timing.ms)]),
    ),
  ].join('\n\n')
}

function profilesSection(results: Results): string {
  const profiles: [string, ProfileSummary | undefined][] = [
    ['pets under load (layer cost)', results.layerCost?.profile],
    ['model-serving, POST /predict (HTTP limit)', results.serving?.profile?.httpLimit],
    ['model-serving, load model with batching', results.serving?.profile?.batching],
    ...(results.startup ?? []).map((result): [string, ProfileSummary | undefined] => [
      `start-up of ${result.service}`,
      result.profile,
    ]),
  ]
  const present = profiles.filter((entry): entry is [string, ProfileSummary] => entry[1] !== undefined)
  if (present.length === 0) return ''
  const percent = (share: number) => `${(share * 100).toFixed(1)} %`
  return [
    '**Where the time goes** (CPU profiles of the measured stretch; `bench/results/*.cpuprofile`):',
    ...present.map(([name, summary]) =>
      [
        `*${name}*, by package:`,
        summary.packages
          .slice(0, 10)
          .map((entry) => `${entry.name} ${percent(entry.share)}`)
          .join(', '),
        '',
        'by function:',
        summary.functions
          .slice(0, 10)
          .map((entry) => `\`${entry.name}\` ${percent(entry.share)}`)
          .join(', '),
      ].join('\n'),
    ),
  ].join('\n\n')
}
