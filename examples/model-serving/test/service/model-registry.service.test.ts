import { describe, expect, it } from 'vitest'
import {
  ModelNotReadyError,
  UnknownModelError,
  UnknownModelVersionError,
} from '../../src/domain/model/model.errors.js'
import { ModelSelectionError, openModelRegistry } from '../../src/service/model-registry.service.js'
import { fakeStore } from '../support/fake-model.js'
import { gatedStore } from '../support/stores.js'

const refs = [
  { name: 'iris', version: 1 },
  { name: 'iris', version: 2 },
  { name: 'wine', version: 3 },
]

describe('the model registry', () => {
  it('serves every model found, the first as default, the latest version unless one is named', async () => {
    const registry = await openModelRegistry(fakeStore(refs), [])
    await registry.load()

    expect(registry.defaultModel).toBe('iris')
    expect(registry.names()).toEqual(['iris', 'wine'])
    expect(registry.ready(undefined).version).toBe(2)
    expect(registry.ready('iris', '1').version).toBe(1)
    expect(registry.ready('wine').version).toBe(3)
  })

  it('serves only the selected models and versions, the first selected as default', async () => {
    const registry = await openModelRegistry(fakeStore(refs), [
      { name: 'wine' },
      { name: 'iris', version: 1 },
    ])

    expect(registry.defaultModel).toBe('wine')
    expect(registry.versionsOf('iris').map((served) => served.version)).toEqual([1])
  })

  it('refuses to start with a selected model or version that is not in the store, or with no model', async () => {
    await expect(openModelRegistry(fakeStore(refs), [{ name: 'cifar' }])).rejects.toThrow(
      new ModelSelectionError('model "cifar" is selected but not in the repository, which holds iris, wine'),
    )
    await expect(openModelRegistry(fakeStore(refs), [{ name: 'iris', version: 9 }])).rejects.toThrow(
      new ModelSelectionError('model "iris" version 9 is selected but the repository holds versions 1, 2'),
    )
    await expect(openModelRegistry(fakeStore([]), [])).rejects.toThrow(ModelSelectionError)
  })

  it('names what is unknown: a model, or a version of a known model', async () => {
    const registry = await openModelRegistry(fakeStore(refs), [])

    expect(() => registry.find('cifar')).toThrow(UnknownModelError)
    expect(() => registry.find('cifar')).toThrow('model "cifar" is not served here; served: iris, wine')
    expect(() => registry.find('iris', '7')).toThrow(UnknownModelVersionError)
    expect(() => registry.find('iris', '7')).toThrow('model "iris" has no version "7"; served versions: 1, 2')
  })

  it('is not ready until every version has loaded and answered a warm-up inference', async () => {
    const { store, release } = gatedStore(fakeStore(refs))
    const registry = await openModelRegistry(store, [])

    const loading = registry.load()
    expect(() => registry.ready('iris')).toThrow(ModelNotReadyError)
    await expect(registry.probes()[0]?.check()).rejects.toThrow('still loading')
    release()
    await loading

    await expect(Promise.all(registry.probes().map((probe) => probe.check()))).resolves.toBeDefined()
    expect(registry.probes().map((probe) => probe.name)).toEqual(['iris/1', 'iris/2', 'wine/3'])
  })

  it('warms each model up with one instance before it takes traffic', async () => {
    const store = fakeStore(refs)
    const registry = await openModelRegistry(store, [])

    await registry.load()

    expect(store.loaded.get('iris/2')?.batches).toEqual([1])
  })

  it('keeps a version that failed to load as failed, with the reason, and serves the others', async () => {
    const registry = await openModelRegistry(fakeStore(refs, ['iris/2']), [])

    const versions = await registry.load()

    expect(versions.find((v) => v.version === 2)?.state).toEqual({
      status: 'failed',
      reason: 'cannot read iris/2',
    })
    expect(() => registry.ready('iris')).toThrow('model iris/2 is not ready to serve')
    expect(registry.ready('iris', '1').version).toBe(1)
    await expect(registry.probes()[1]?.check()).rejects.toThrow('failed to load: cannot read iris/2')
  })

  it('closes every loaded model when closed', async () => {
    const store = fakeStore(refs)
    const registry = await openModelRegistry(store, [])
    await registry.load()

    await registry.close()

    expect([...store.loaded.values()].every((model) => model.closed)).toBe(true)
  })
})
