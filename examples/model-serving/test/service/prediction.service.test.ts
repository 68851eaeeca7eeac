import { describe, expect, it } from 'vitest'
import type { InferenceMetrics } from '../../src/domain/model/inference-metrics.port.js'
import { ModelNotReadyError, UnknownModelVersionError } from '../../src/domain/model/model.errors.js'
import {
  InstanceMismatchError,
  TooManyInstancesError,
  UnknownOutputError,
} from '../../src/domain/prediction/prediction.errors.js'
import { openModelRegistry } from '../../src/service/model-registry.service.js'
import { createPredictionService, type PredictionOptions } from '../../src/service/prediction.service.js'
import { fakeStore, POISON } from '../support/fake-model.js'
import { gatedStore } from '../support/stores.js'

const refs = [
  { name: 'sum', version: 1 },
  { name: 'sum', version: 2 },
]

function recordingMetrics() {
  const batches: string[] = []
  const classes: string[] = []
  const metrics: InferenceMetrics = {
    batchRan: ({ name, version }, rows) => batches.push(`${name}/${version} ran ${rows}`),
    classPredicted: ({ name, version }, label, count) =>
      classes.push(`${name}/${version} ${label} x${count}`),
  }
  return { metrics, batches, classes }
}

async function servingSums(options: Partial<PredictionOptions> = {}) {
  const registry = await openModelRegistry(fakeStore(refs), [])
  await registry.load()
  const recorded = recordingMetrics()
  const inference = createPredictionService(registry, recorded.metrics, {
    maxBatchSize: 32,
    maxDelayMs: 0,
    maxInstancesPerRequest: 100,
    ...options,
  })
  return { inference, ...recorded }
}

describe('predicting', () => {
  it('predicts each instance with the latest version of the default model, its class first', async () => {
    const { inference } = await servingSums()

    const response = await inference.predict({
      instances: [
        [1, 2],
        [5, 7],
      ],
    })

    expect(response).toEqual({
      model: 'sum',
      version: 2,
      predictions: [
        { class: 'low', sum: 3, level: 0 },
        { class: 'high', sum: 12, level: 1 },
      ],
    })
  })

  it('predicts with the version asked for', async () => {
    const { inference } = await servingSums()

    const response = await inference.predict({ model: 'sum', version: '1', instances: [[1, 1]] })

    expect(response.version).toBe(1)
    await expect(inference.predict({ model: 'sum', version: 'latest', instances: [[1, 1]] })).rejects.toThrow(
      UnknownModelVersionError,
    )
  })

  it('runs concurrent requests as one batch and gives each caller its own predictions', async () => {
    const { inference, batches } = await servingSums()

    const responses = await Promise.all([
      inference.predict({ instances: [[1, 1]] }),
      inference.predict({
        instances: [
          [2, 2],
          [3, 3],
        ],
      }),
      inference.predict({ instances: [[4, 4]] }),
    ])

    expect(batches).toEqual(['sum/2 ran 4'])
    expect(responses.map((response) => response.predictions.map((p) => p.sum))).toEqual([[2], [4, 6], [8]])
  })

  it('fails only the request whose instance does not fit; the requests batched with it succeed', async () => {
    const { inference, batches } = await servingSums()

    const outcomes = await Promise.allSettled([
      inference.predict({ instances: [[1, 1]] }),
      inference.predict({
        instances: [
          [1, 1],
          [1, 2, 3],
        ],
      }),
      inference.predict({ instances: [[2, 2]] }),
    ])

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(outcomes[1]).toMatchObject({
      reason: new InstanceMismatchError(1, 'input "pair": expected shape [2], got [3]'),
    })
    expect(batches).toEqual(['sum/2 ran 2'])
  })

  it('fails only the request that breaks the model; the requests batched with it succeed', async () => {
    const { inference } = await servingSums()

    const outcomes = await Promise.allSettled([
      inference.predict({ instances: [[1, 1]] }),
      inference.predict({ instances: [[POISON, 1]] }),
      inference.predict({ instances: [[2, 2]] }),
    ])

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
  })

  it('cuts a request larger than a batch into batches, and puts its predictions back in order', async () => {
    const { inference, batches } = await servingSums({ maxBatchSize: 2 })

    const response = await inference.predict({
      instances: [
        [1, 0],
        [2, 0],
        [3, 0],
        [4, 0],
        [5, 0],
      ],
    })

    expect(response.predictions.map((p) => p.sum)).toEqual([1, 2, 3, 4, 5])
    expect(batches).toEqual(['sum/2 ran 2', 'sum/2 ran 2', 'sum/2 ran 1'])
  })

  it('refuses more instances than allowed', async () => {
    const { inference } = await servingSums({ maxInstancesPerRequest: 2 })

    await expect(
      inference.predict({
        instances: [
          [1, 1],
          [1, 1],
          [1, 1],
        ],
      }),
    ).rejects.toThrow(TooManyInstancesError)
  })

  it('counts the predicted classes per model version, so their distribution can be watched', async () => {
    const { inference, classes } = await servingSums()

    await inference.predict({
      instances: [
        [1, 1],
        [9, 9],
        [8, 8],
      ],
    })

    expect(classes.sort()).toEqual(['sum/2 high x2', 'sum/2 low x1'])
  })

  it('refuses to predict with a model that has not loaded yet', async () => {
    const { store } = gatedStore(fakeStore(refs))
    const registry = await openModelRegistry(store, [])
    void registry.load()
    const inference = createPredictionService(registry, recordingMetrics().metrics, {
      maxBatchSize: 32,
      maxDelayMs: 0,
      maxInstancesPerRequest: 100,
    })

    await expect(inference.predict({ instances: [[1, 1]] })).rejects.toThrow(ModelNotReadyError)
  })
})

describe('inferring on tensors', () => {
  const pairs = { name: 'pair', datatype: 'FP32', shape: [3, 2], data: [1, 1, 2, 2, 9, 9] }

  it('answers every output as a tensor holding one row per instance', async () => {
    const { inference } = await servingSums()

    const response = await inference.infer({ model: 'sum', inputs: [pairs] })

    expect(response).toEqual({
      model: 'sum',
      version: 2,
      outputs: [
        { name: 'sum', datatype: 'FP32', shape: [3], data: [2, 4, 18] },
        { name: 'level', datatype: 'INT64', shape: [3], data: [0, 0, 1] },
      ],
    })
  })

  it('answers the outputs asked for, across batches, in order', async () => {
    const { inference } = await servingSums({ maxBatchSize: 2 })

    const response = await inference.infer({
      model: 'sum',
      version: '1',
      inputs: [pairs],
      outputs: ['level'],
    })

    expect(response.outputs).toEqual([{ name: 'level', datatype: 'INT64', shape: [3], data: [0, 0, 1] }])
  })

  it('refuses an output the model lacks before running anything', async () => {
    const { inference, batches } = await servingSums()

    await expect(inference.infer({ model: 'sum', inputs: [pairs], outputs: ['product'] })).rejects.toThrow(
      UnknownOutputError,
    )
    expect(batches).toEqual([])
  })
})
