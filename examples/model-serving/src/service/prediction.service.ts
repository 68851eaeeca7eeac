import { mergeBatches, splitBatch, splitOutputs } from '../domain/model/batches.js'
import { type ClassReader, classReaderFor, labelOf } from '../domain/model/classification.js'
import type { TensorData } from '../domain/model/datatype.js'
import type { InferenceMetrics } from '../domain/model/inference-metrics.port.js'
import type { Batch, Model } from '../domain/model/model.port.js'
import { type InstanceEncoder, instanceEncoderFor } from '../domain/prediction/instances.js'
import { TooManyInstancesError } from '../domain/prediction/prediction.errors.js'
import { type Prediction, predictionsOf } from '../domain/prediction/predictions.js'
import {
  decodeTensors,
  type InputTensor,
  type OutputTensor,
  outputTensorsOf,
  selectOutputs,
} from '../domain/prediction/tensors.js'
import { type Batcher, createBatcher } from './batcher.js'
import type { DriftMonitor } from './drift-monitor.service.js'
import type { ModelRegistry } from './model-registry.service.js'

export interface PredictRequest {
  /** Absent: the default model. */
  readonly model?: string
  /** Absent: the version the model's traffic split gives the routing key, or the latest ready one. */
  readonly version?: string
  readonly instances: readonly unknown[]
  /** The request id: a traffic split sends the same key to the same version. */
  readonly routingKey?: string
}

export interface PredictResponse {
  readonly model: string
  readonly version: number
  readonly predictions: Prediction[]
}

export interface InferRequest {
  readonly model: string
  readonly version?: string
  readonly inputs: readonly InputTensor[]
  readonly routingKey?: string
  /** Names of the outputs to answer; absent or empty: every output. */
  readonly outputs?: readonly string[]
}

export interface InferResponse {
  readonly model: string
  readonly version: number
  readonly outputs: OutputTensor[]
}

export interface PredictionService {
  /** Predicts each instance (the Vertex AI, KServe V1 and SageMaker style). */
  predict(request: PredictRequest): Promise<PredictResponse>
  /** Runs typed tensors through the model (the Open Inference Protocol style). */
  infer(request: InferRequest): Promise<InferResponse>
}

export interface PredictionOptions {
  readonly maxBatchSize: number
  readonly maxDelayMs: number
  readonly maxInstancesPerRequest: number
}

/** What a model version needs at hand to serve: made once, on its first request. */
interface Serving {
  readonly encode: InstanceEncoder
  readonly classOf: ClassReader | undefined
  readonly batcher: Batcher<Batch, readonly TensorData[]>
}

/**
 * Inference as a use case: requests are checked against the model's signature before they queue,
 * so a bad instance fails only its own request; valid ones from concurrent requests run together.
 */
export function createPredictionService(
  registry: ModelRegistry,
  metrics: InferenceMetrics,
  options: PredictionOptions,
  drift?: DriftMonitor,
): PredictionService {
  const servings = new WeakMap<Model, Serving>()

  function servingOf(model: Model): Serving {
    let serving = servings.get(model)
    if (!serving) {
      const classOf = classReaderFor(model.signature)
      serving = {
        encode: instanceEncoderFor(model.signature),
        classOf,
        batcher: createBatcher({
          maxBatchSize: options.maxBatchSize,
          maxDelayMs: options.maxDelayMs,
          sizeOf: (batch) => batch.rows,
          run: (batches) => runTogether(model, batches, classOf),
        }),
      }
      servings.set(model, serving)
    }
    return serving
  }

  async function runTogether(model: Model, batches: readonly Batch[], classOf: ClassReader | undefined) {
    const [only] = batches
    const batch = only && batches.length === 1 ? only : mergeBatches(model.signature, batches)
    const started = performance.now()
    const outputs = await model.run(batch)
    metrics.batchRan(model, batch.rows, (performance.now() - started) / 1000)
    if (classOf) countClasses(model, outputs, batch.rows, classOf)
    drift?.observe(model, batch, outputs, classOf)
    return batches.length === 1 ? [outputs] : splitOutputs(model.signature, outputs, batches)
  }

  function countClasses(model: Model, outputs: readonly TensorData[], rows: number, classOf: ClassReader) {
    const counts = new Map<number, number>()
    for (let row = 0; row < rows; row++) {
      const index = classOf(outputs, row)
      counts.set(index, (counts.get(index) ?? 0) + 1)
    }
    for (const [index, count] of counts) metrics.classPredicted(model, labelOf(model.signature, index), count)
  }

  /** Requests larger than a batch are cut into batches; they may share them with other requests. */
  async function run(model: Model, batch: Batch, serving: Serving) {
    if (batch.rows <= options.maxBatchSize)
      return [{ part: batch, outputs: await serving.batcher.submit(batch) }]
    const parts = splitBatch(model.signature, batch, options.maxBatchSize)
    const results = await Promise.all(parts.map((part) => serving.batcher.submit(part)))
    return parts.map((part, index) => ({ part, outputs: results[index] ?? [] }))
  }

  return {
    async predict({ model: name, version, instances, routingKey = '' }) {
      if (instances.length > options.maxInstancesPerRequest) {
        throw new TooManyInstancesError(instances.length, options.maxInstancesPerRequest)
      }
      const lease = registry.acquire(name, version, routingKey)
      try {
        const { model } = lease
        const serving = servingOf(model)
        const results = await run(model, serving.encode(instances), serving)
        const predictions = results.flatMap(({ part, outputs }) =>
          predictionsOf(model.signature, outputs, part.rows, serving.classOf),
        )
        return { model: model.name, version: model.version, predictions }
      } finally {
        lease.release()
      }
    },

    async infer({ model: name, version, inputs, outputs: requested, routingKey = '' }) {
      const lease = registry.acquire(name, version, routingKey)
      try {
        return await inferOn(lease.model, inputs, requested)
      } finally {
        lease.release()
      }
    },
  }

  async function inferOn(
    model: Model,
    inputs: readonly InputTensor[],
    requested: readonly string[] | undefined,
  ) {
    const chosen = selectOutputs(model.signature, requested)
    const batch = decodeTensors(model.signature, inputs, options.maxInstancesPerRequest)
    const results = await run(model, batch, servingOf(model))
    const parts = results.map(({ part, outputs }) =>
      outputTensorsOf(model.signature, outputs, part.rows, chosen),
    )
    const outputs = chosen.map((spec, index) => ({
      name: spec.name,
      datatype: spec.datatype,
      shape: [batch.rows, ...spec.shape.slice(1)],
      data: parts.flatMap((tensors) => tensors[index]?.data ?? []),
    }))
    return { model: model.name, version: model.version, outputs }
  }
}
