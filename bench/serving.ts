import { join } from 'node:path'
import type { ProfileSummary } from './support/cpu-profile.js'
import { type BatchThroughput, measureInferenceLimit } from './support/inference-limit.js'
import type { LoadRequest } from './support/load.js'
import { contender, type LoadSettings } from './support/load-settings.js'
import { benchFolder, modelServingFolder, repositoryRoot, typescriptEntry } from './support/paths.js'
import { profiling } from './support/profiling.js'
import {
  type RunningService,
  startService,
  startServices,
  withoutRequestLogs,
} from './support/service-process.js'
import {
  type Comparison,
  type Contender,
  inRotation,
  ratiosByRound,
  type Summary,
  sideBySide,
  summarise,
} from './support/side-by-side.js'
import { median } from './support/stats.js'

export interface ServingSettings {
  /** POST /predict against the bare route. */
  readonly httpLimit: LoadSettings
  /** The load model, batching off against each batch delay. */
  readonly batching: LoadSettings
  readonly batchDelaysMs: readonly number[]
  /** Seconds the in-process limit spends on each batch size. */
  readonly inferenceSecondsPerBatchSize: number
}

export interface BatchingPoint {
  readonly maxDelayMs: number
  readonly summary: Summary
  /** Median over rounds of this point's predictions/s over batching off's, in the same round. */
  readonly speedup: number
}

export interface Serving {
  readonly httpLimit: Comparison
  readonly batching: {
    readonly model: string
    readonly connections: number
    readonly maxBatchSize: number
    readonly off: Summary
    readonly on: readonly BatchingPoint[]
  }
  readonly inferenceLimit: {
    readonly byBatchSize: readonly BatchThroughput[]
    readonly best: BatchThroughput
    /** The best served predictions/s over the best in-process instances/s. */
    readonly servedShare: number
  }
  readonly profile?: { readonly httpLimit?: ProfileSummary; readonly batching?: ProfileSummary }
}

const modelRepository = join(benchFolder, 'models')
const loadModelFeatures = 256
const inferenceBatchSizes = [1, 8, 16, 32, 64]
const irisInstance = [5.1, 3.5, 1.4, 0.2]

export async function measureServing(settings: ServingSettings, profile: boolean): Promise<Serving> {
  const inferenceLimit = await measureInferenceLimitOfLoadModel(settings.inferenceSecondsPerBatchSize)
  const httpLimit = await measureHttpLimit(settings.httpLimit, profile)
  const batching = await measureBatching(settings, inferenceLimit.best.batchSize, profile)
  const bestServed = Math.max(...batching.result.on.map((point) => point.summary.requestsPerSecond))
  return {
    httpLimit: httpLimit.comparison,
    batching: batching.result,
    inferenceLimit: { ...inferenceLimit, servedShare: bestServed / inferenceLimit.best.instancesPerSecond },
    profile: profile ? { httpLimit: httpLimit.profile, batching: batching.profile } : undefined,
  }
}

async function measureInferenceLimitOfLoadModel(secondsEach: number) {
  const byBatchSize = await measureInferenceLimit(
    join(modelRepository, 'load', '1', 'model.onnx'),
    loadModelFeatures,
    inferenceBatchSizes,
    secondsEach,
  )
  const best = byBatchSize.reduce((a, b) => (b.instancesPerSecond > a.instancesPerSecond ? b : a))
  return { byBatchSize, best }
}

/**
 * POST /predict, one iris instance per request, with the service's defaults, against a bare
 * Fastify route answering the same body without doing anything.
 */
async function measureHttpLimit(settings: LoadSettings, profile: boolean) {
  const profiler = profiling(profile)
  const running: RunningService[] = []
  try {
    const service = await startService({
      name: 'model-serving',
      nodeArgs: [...profiler.flagsFor('model-serving-http'), 'dist/main.js'],
      cwd: modelServingFolder,
      env: withoutRequestLogs,
    })
    running.push(service)
    const body = JSON.stringify({ instances: [irisInstance] })
    const answer = await fetch(`${service.url}/predict`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    }).then((response) => response.text())
    const bare = await startService({
      name: 'bare-prediction',
      nodeArgs: typescriptEntry('baselines/bare-prediction.ts'),
      cwd: repositoryRoot,
      env: { PREDICTION_BODY: answer },
    })
    running.push(bare)
    const predict = (): LoadRequest => ({ method: 'POST', path: '/predict', body })
    profiler.begin()
    const comparison = await sideBySide(
      contender(service, settings, predict),
      contender(bare, settings, predict),
      settings.rounds,
    )
    profiler.end()
    await stopAll(running)
    return { comparison, profile: await profiler.summarise('model-serving-http') }
  } finally {
    await stopAll(running)
  }
}

/**
 * The load model at many connections: one service with batching off, one per batch delay with
 * batches of up to `maxBatchSize`, all started at once, then measured in rotating rounds.
 */
async function measureBatching(settings: ServingSettings, maxBatchSize: number, profile: boolean) {
  const load = settings.batching
  const profiler = profiling(profile)
  const running: RunningService[] = []
  // Features as a client would send them, with two decimals.
  const instance = Array.from({ length: loadModelFeatures }, (_, index) => ((index * 37) % 101) / 100)
  const body = JSON.stringify({ instances: [instance] })
  const predict = (): LoadRequest => ({ method: 'POST', path: '/predict', body })
  const serving = (name: string, batchSize: number, delayMs: number, flags: string[] = []) => ({
    name,
    nodeArgs: [...flags, 'dist/main.js'],
    cwd: modelServingFolder,
    env: {
      ...withoutRequestLogs,
      MODEL_REPOSITORY: modelRepository,
      MODELS: 'load',
      BATCH_MAX_SIZE: String(batchSize),
      BATCH_MAX_DELAY_MS: String(delayMs),
    },
  })
  try {
    running.push(
      ...(await startServices([
        serving('batching-off', 1, 0),
        ...settings.batchDelaysMs.map((delay, index) =>
          serving(
            `batching-${delay}ms`,
            maxBatchSize,
            delay,
            index === 0 ? profiler.flagsFor('model-serving-batching') : [],
          ),
        ),
      ])),
    )
    const [off, ...on] = running.map((service) => contender(service, load, predict)) as [
      Contender,
      ...Contender[],
    ]
    profiler.begin()
    const runs = await inRotation([off, ...on], load.rounds)
    profiler.end()
    const offRuns = runs.get(off) ?? []
    const result = {
      model: 'bench/models/load, an MLP 256 -> 2048 -> 2048 -> 10',
      connections: load.connections,
      maxBatchSize,
      off: summarise(offRuns),
      on: on.map((side, index) => {
        const sideRuns = runs.get(side) ?? []
        return {
          maxDelayMs: settings.batchDelaysMs[index] as number,
          summary: summarise(sideRuns),
          speedup: median(ratiosByRound(sideRuns, offRuns)),
        }
      }),
    }
    await stopAll(running)
    return { result, profile: await profiler.summarise('model-serving-batching') }
  } finally {
    await stopAll(running)
  }
}

async function stopAll(services: RunningService[]): Promise<void> {
  for (const service of services.splice(0)) await service.stop()
}
