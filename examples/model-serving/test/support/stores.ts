import type { ModelStore } from '../../src/domain/model/model-store.port.js'

/** A store whose loads wait until `release` is called: to see the service before its models are ready. */
export function gatedStore(store: ModelStore): { store: ModelStore; release(): void } {
  let release = () => {}
  const gate = new Promise<void>((resolve) => {
    release = resolve
  })
  return {
    release: () => release(),
    store: {
      list: () => store.list(),
      load: async (ref) => {
        await gate
        return store.load(ref)
      },
    },
  }
}

/** A store that tells when every listed version has loaded or failed to: to see the service after. */
export function settlingStore(store: ModelStore): { store: ModelStore; settled: Promise<void> } {
  let settle = () => {}
  const settled = new Promise<void>((resolve) => {
    settle = resolve
  })
  let pending = 0
  return {
    settled,
    store: {
      list: async () => {
        const refs = await store.list()
        pending = refs.length
        return refs
      },
      load: (ref) =>
        store.load(ref).finally(() => {
          pending -= 1
          if (pending === 0) settle()
        }),
    },
  }
}
