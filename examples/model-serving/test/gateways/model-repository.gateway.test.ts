import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Model } from '../../src/domain/model/model.port.js'
import { modelRepository } from '../../src/gateways/model-repository.gateway.js'
import {
  addBrokenVersion,
  addCopyOfIris,
  copyOfShippedModels,
  irisLabels,
  shippedModels,
  trainingReference,
} from '../support/models.js'

const PROBABILITY_TOLERANCE = 1e-5

describe('the model repository on the shipped models', () => {
  const repository = modelRepository(shippedModels)
  const models: Model[] = []
  afterAll(() => Promise.all(models.map((model) => model.close())))

  it('lists every version of every model, ordered', async () => {
    expect(await repository.list()).toEqual([
      { name: 'iris', version: 1 },
      { name: 'iris', version: 2 },
    ])
  })

  it('reads the signature from the model and the class names from its metadata', async () => {
    const model = await repository.load({ name: 'iris', version: 2 })
    models.push(model)

    expect(model.signature).toEqual({
      inputs: [{ name: 'input', datatype: 'FP32', shape: [-1, 4] }],
      outputs: [
        { name: 'probabilities', datatype: 'FP32', shape: [-1, 3] },
        { name: 'label', datatype: 'INT64', shape: [-1] },
      ],
      labels: irisLabels,
    })
  })

  it.each([1, 2])('makes the same predictions as the training script, version %i', async (version) => {
    const model = await repository.load({ name: 'iris', version })
    models.push(model)
    const reference = await trainingReference(version)

    const [probabilities, labels] = await model.run({
      rows: reference.inputs.length,
      inputs: [new Float32Array(reference.inputs.flat())],
    })

    expect(labels).toBeInstanceOf(BigInt64Array)
    expect(probabilities).toBeInstanceOf(Float32Array)
    expect(Array.from(labels as BigInt64Array, Number)).toEqual(reference.labels)
    const expected = reference.probabilities.flat()
    const differences = Array.from(probabilities as Float32Array, (p, index) =>
      Math.abs(p - (expected[index] ?? Number.NaN)),
    )
    expect(differences).toHaveLength(expected.length)
    expect(Math.max(...differences)).toBeLessThan(PROBABILITY_TOLERANCE)
  })
})

describe('the model repository on models that cannot be served', () => {
  let repository: Awaited<ReturnType<typeof copyOfShippedModels>>

  beforeEach(async () => {
    repository = await copyOfShippedModels()
  })
  afterEach(() => repository?.remove())

  it('serves a model without metadata.json, with no class names', async () => {
    await rm(join(repository.root, 'iris', '1', 'metadata.json'))

    const model = await modelRepository(repository.root).load({ name: 'iris', version: 1 })
    await model.close()

    expect(model.signature.labels).toEqual([])
    expect(model.signature.inputs).toHaveLength(1)
  })

  it('refuses a model whose metadata.json lists another signature than the model has', async () => {
    const folder = await addCopyOfIris(repository.root, 'iris', 3)
    await writeFile(
      join(folder, 'metadata.json'),
      JSON.stringify({
        signature: { inputs: [{ name: 'input', datatype: 'FP32', shape: [-1, 5] }], outputs: [] },
      }),
    )

    await expect(modelRepository(repository.root).load({ name: 'iris', version: 3 })).rejects.toThrow(
      'metadata.json lists the inputs input FP32 [-1, 5]; the model has input FP32 [-1, 4]',
    )
  })

  it('refuses metadata.json that is not JSON, or has a field of the wrong type', async () => {
    const folder = join(repository.root, 'iris', '2')
    const load = () => modelRepository(repository.root).load({ name: 'iris', version: 2 })

    await writeFile(join(folder, 'metadata.json'), '{"labels": ')
    await expect(load()).rejects.toThrow(/^metadata.json is not JSON/)
    await writeFile(join(folder, 'metadata.json'), '{"labels": [1, 2]}')
    await expect(load()).rejects.toThrow('metadata.json: /labels/0 must be string')
  })

  it('refuses a model file that is not an ONNX model', async () => {
    await addBrokenVersion(repository.root, 'broken', 1)

    await expect(modelRepository(repository.root).load({ name: 'broken', version: 1 })).rejects.toThrow()
  })

  it('says so when the repository folder does not exist', async () => {
    await expect(modelRepository(join(repository.root, 'nowhere')).list()).rejects.toThrow(
      /nowhere does not exist/,
    )
  })

  it('lists only folders named like models and versions', async () => {
    await mkdir(join(repository.root, '.cache', '1'), { recursive: true })
    await mkdir(join(repository.root, 'iris', 'latest'), { recursive: true })
    await writeFile(join(repository.root, 'README.md'), 'models')

    const refs = await modelRepository(repository.root).list()

    expect(refs.some((ref) => ref.name === '.cache')).toBe(false)
    expect(refs).toEqual([
      { name: 'iris', version: 1 },
      { name: 'iris', version: 2 },
    ])
  })
})
