import type { DependencyProbe } from '../domain/health/dependency-probe.port.js'
import { rulesOf } from '../domain/model/datatype.js'
import {
  ModelLoadFailedError,
  ModelNotReadyError,
  NotInRepositoryError,
  UnknownModelError,
  UnknownModelVersionError,
} from '../domain/model/model.errors.js'
import type { Model } from '../domain/model/model.port.js'
import type { ModelStore, ModelVersionRef } from '../domain/model/model-store.port.js'
import { batchingProblem, valuesPerInstance } from '../domain/model/signature.js'
import {
  checkedSplit,
  type TrafficSplit,
  VersionNotServingError,
  versionFor,
} from '../domain/model/traffic-split.js'

/** Which models to serve: every version of a name, or one version of it. */
export interface ModelSelection {
  readonly name: string
  readonly version?: number
}

export type LoadState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly model: Model }
  | { readonly status: 'failed'; readonly reason: string }
  /** Taking no new request, finishing those in flight before the model is freed. */
  | { readonly status: 'unloading'; readonly model: Model }

export interface ServedVersion extends ModelVersionRef {
  readonly state: LoadState
}

/** A model version in the repository, as the Open Inference Protocol's repository index lists it. */
export interface RepositoryEntry extends ModelVersionRef {
  readonly state: 'READY' | 'LOADING' | 'UNLOADING' | 'UNAVAILABLE'
  /** Why it is unavailable: not loaded, or failed to load. */
  readonly reason?: string
}

/** A version lent to one request: released once the request has its answer, or has failed. */
export interface Lease {
  readonly model: Model
  release(): void
}

/** A served version whose state changes in place as it loads, so that lookups allocate nothing. */
interface VersionRecord extends ModelVersionRef {
  state: LoadState
  /** Requests holding a lease on it. */
  inFlight: number
  /** Resolves the wait of an unload once the last request in flight is done. */
  drained?: () => void
  readonly probe: DependencyProbe
}

export interface ModelRegistry {
  /** The model the single-model protocols (Vertex AI, SageMaker) serve: the first selected or found. */
  readonly defaultModel: string
  /** Every served model name, the default first. */
  names(): string[]
  /** The served versions of a model, oldest first; throws when the model is not served. */
  versionsOf(name: string): readonly ServedVersion[]
  /**
   * One version of a model, by its number as written in a URL; without one, the version the
   * model's traffic split gives `routingKey`, or else its latest version (of those loaded at run
   * time, only a ready one). Throws when the model or the version is not served.
   */
  find(name: string | undefined, version?: string, routingKey?: string): ServedVersion
  /** Like find, but only a version that has loaded and answered its warm-up; throws otherwise. */
  ready(name: string | undefined, version?: string, routingKey?: string): Model
  /** Like ready, counting the request in flight on the version until it releases the lease. */
  acquire(name: string | undefined, version: string | undefined, routingKey: string): Lease
  /**
   * One probe per served version, up once it has loaded and answered its warm-up inference. The
   * list is live: versions loaded at run time join it (optional: loading one never takes the
   * service out of its load balancer), unloaded ones leave it.
   */
  probes(): DependencyProbe[]
  /** Loads every version selected at start-up and warms it up; never rejects, a failure is kept as that version's state. */
  load(): Promise<ServedVersion[]>
  /** Every version the repository holds, with whether it is served. */
  index(): Promise<RepositoryEntry[]>
  /** Loads, at run time, a version of `name` from the repository (every version not served, without one). */
  loadModel(name: string, version?: number): Promise<ServedVersion[]>
  /** Stops serving a version of `name` (every version, without one): its requests in flight finish first. */
  unloadModel(name: string, version?: number): Promise<void>
  /** The weights of the model's split, by version; empty when requests go to the latest ready version. */
  trafficOf(name: string): TrafficSplit
  /** Splits the requests that name no version by these weights; every weighted version must be ready. */
  setTraffic(name: string, weights: ReadonlyMap<number, number>): TrafficSplit
  /** Frees every loaded model, once loading has settled. */
  close(): Promise<void>
}

export interface RegistryOptions {
  /** Splits configured at start-up, by model name. */
  readonly traffic?: ReadonlyMap<string, ReadonlyMap<number, number>>
  /** A version is gone: what kept state about it forgets it. */
  readonly onUnloaded?: (model: Model) => void
}

/** Lists the store and settles what to serve; throws when a selected model or version is not there. */
export async function openModelRegistry(
  store: ModelStore,
  selection: readonly ModelSelection[],
  { traffic = new Map(), onUnloaded }: RegistryOptions = {},
): Promise<ModelRegistry> {
  const probes: DependencyProbe[] = []
  const byName = new Map<string, VersionRecord[]>()
  const splits = new Map<string, TrafficSplit>()
  const selected = selectVersions(await store.list(), selection).map((ref) => serve(ref, false))
  const defaultModel = selection[0]?.name ?? selected[0]?.name ?? ''
  for (const [name, weights] of traffic) splits.set(name, checkedSplit(name, weights))
  let loading: Promise<ServedVersion[]> | undefined
  const runtimeLoads = new Set<Promise<unknown>>()

  /** A record for `ref`, in the lists and the probes, loading. */
  function serve({ name, version }: ModelVersionRef, optional: boolean): VersionRecord {
    const record: VersionRecord = {
      name,
      version,
      state: { status: 'loading' },
      inFlight: 0,
      probe: {
        name: `${name}/${version}`,
        ...(optional && { optional }),
        check: async () => {
          const { state } = record
          if (state.status === 'loading') throw new Error('still loading')
          if (state.status === 'failed') throw new Error(`failed to load: ${state.reason}`)
          if (state.status === 'unloading') throw new Error('unloading')
        },
      },
    }
    const versions = [...(byName.get(name) ?? []), record].sort((a, b) => a.version - b.version)
    byName.set(name, versions)
    probes.push(record.probe)
    return record
  }

  function versionsOf(name: string): readonly VersionRecord[] {
    const versions = byName.get(name)
    if (!versions) throw new UnknownModelError(name, [...byName.keys()])
    return versions
  }

  function find(name = defaultModel, version?: string, routingKey = ''): VersionRecord {
    const versions = versionsOf(name)
    const found =
      version === undefined
        ? routed(name, versions, routingKey)
        : versions.find((v) => String(v.version) === version)
    if (!found) {
      throw new UnknownModelVersionError(
        name,
        version ?? '',
        versions.map((v) => v.version),
      )
    }
    return found
  }

  function routed(
    name: string,
    versions: readonly VersionRecord[],
    routingKey: string,
  ): VersionRecord | undefined {
    const split = splits.get(name)
    const chosen = split && versionFor(split, routingKey)
    if (chosen !== undefined) return versions.find((v) => v.version === chosen)
    // A version loaded at run time takes no traffic before it is ready, nor after it failed; one
    // selected at start-up is the latest whatever its state, and answers 503 while it is not ready.
    return versions.findLast((v) => v.state.status === 'ready' || !v.probe.optional) ?? versions.at(-1)
  }

  function readyModel(record: VersionRecord): Model {
    if (record.state.status !== 'ready') throw new ModelNotReadyError(record.name, record.version)
    return record.state.model
  }

  async function loadOne(record: VersionRecord): Promise<VersionRecord> {
    try {
      const model = await store.load(record)
      try {
        await warmUp(model)
      } catch (error) {
        await model.close()
        throw error
      }
      record.state = { status: 'ready', model }
    } catch (error) {
      record.state = { status: 'failed', reason: error instanceof Error ? error.message : String(error) }
    }
    return record
  }

  async function unloadOne(record: VersionRecord): Promise<void> {
    if (record.state.status === 'loading') await Promise.all([loading, ...runtimeLoads])
    const { state } = record
    const versions = (byName.get(record.name) ?? []).filter((v) => v !== record)
    if (versions.length > 0) byName.set(record.name, versions)
    else byName.delete(record.name)
    probes.splice(probes.indexOf(record.probe), 1)
    withoutWeight(record)
    if (state.status !== 'ready') return
    record.state = { status: 'unloading', model: state.model }
    if (record.inFlight > 0) await new Promise<void>((resolve) => (record.drained = resolve))
    await state.model.close()
    onUnloaded?.(state.model)
  }

  /** An unloaded version's share goes to the others; a split left with no weight is dropped. */
  function withoutWeight({ name, version }: VersionRecord): void {
    const split = splits.get(name)
    if (!split?.has(version)) return
    const rest = new Map([...split].filter(([weighted]) => weighted !== version))
    if ([...rest.values()].some((weight) => weight > 0)) splits.set(name, rest)
    else splits.delete(name)
  }

  return {
    defaultModel,
    names: () => [...byName.keys()].sort((a, b) => (a === defaultModel ? -1 : b === defaultModel ? 1 : 0)),
    versionsOf,
    find,
    ready: (name, version, routingKey) => readyModel(find(name, version, routingKey)),
    acquire(name, version, routingKey) {
      const record = find(name, version, routingKey)
      const model = readyModel(record)
      record.inFlight++
      let released = false
      return {
        model,
        release() {
          if (released) return
          released = true
          record.inFlight--
          if (record.inFlight === 0) record.drained?.()
        },
      }
    },
    probes: () => probes,
    load() {
      loading ??= Promise.all(selected.map(loadOne))
      return loading
    },
    async index() {
      const held = await store.list()
      return held.map(({ name, version }): RepositoryEntry => {
        const record = byName.get(name)?.find((v) => v.version === version)
        const state = record?.state
        if (!state) return { name, version, state: 'UNAVAILABLE', reason: 'not loaded' }
        if (state.status === 'failed') return { name, version, state: 'UNAVAILABLE', reason: state.reason }
        return {
          name,
          version,
          state: state.status === 'ready' ? 'READY' : state.status === 'loading' ? 'LOADING' : 'UNLOADING',
        }
      })
    },
    async loadModel(name, version) {
      const held = await store.list()
      const refs = held.filter(
        (ref) => ref.name === name && (version === undefined || ref.version === version),
      )
      if (refs.length === 0) {
        if (!held.some((ref) => ref.name === name))
          throw new NotInRepositoryError(name, [...new Set(held.map((ref) => ref.name))])
        throw new UnknownModelVersionError(
          name,
          String(version),
          held.filter((ref) => ref.name === name).map((ref) => ref.version),
        )
      }
      const records = refs.map((ref) => {
        const served = byName.get(name)?.find((v) => v.version === ref.version)
        if (served && served.state.status !== 'failed') return served
        if (served) void unloadOne(served)
        const record = serve(ref, true)
        const loaded = loadOne(record)
        runtimeLoads.add(loaded)
        void loaded.finally(() => runtimeLoads.delete(loaded))
        return record
      })
      await Promise.all(runtimeLoads)
      const failed = records.find((record) => record.state.status === 'failed')
      if (failed?.state.status === 'failed')
        throw new ModelLoadFailedError(name, failed.version, failed.state.reason)
      return records
    },
    async unloadModel(name, version) {
      const versions = versionsOf(name)
      const records = version === undefined ? versions : versions.filter((v) => v.version === version)
      if (records.length === 0)
        throw new UnknownModelVersionError(
          name,
          String(version),
          versions.map((v) => v.version),
        )
      await Promise.all(records.map(unloadOne))
    },
    trafficOf: (name) => {
      versionsOf(name)
      return splits.get(name) ?? new Map()
    },
    setTraffic(name, weights) {
      const versions = versionsOf(name)
      for (const [version, weight] of weights) {
        const record = versions.find((v) => v.version === version)
        if (!record)
          throw new UnknownModelVersionError(
            name,
            String(version),
            versions.map((v) => v.version),
          )
        if (weight > 0 && record.state.status !== 'ready') throw new VersionNotServingError(name, version)
      }
      const split = checkedSplit(name, weights)
      splits.set(name, split)
      return split
    },
    async close() {
      await loading
      await Promise.all(runtimeLoads)
      await Promise.all(
        [...byName.values()]
          .flat()
          .map(({ state }) => (state.status === 'ready' ? state.model.close() : undefined)),
      )
    },
  }
}

/** What to serve cannot be settled: the service cannot start. */
export class ModelSelectionError extends Error {
  override readonly name = 'ModelSelectionError'
}

function selectVersions(
  found: readonly ModelVersionRef[],
  selection: readonly ModelSelection[],
): ModelVersionRef[] {
  if (found.length === 0) {
    throw new ModelSelectionError('the model repository holds no model: add <model>/<version>/model.onnx')
  }
  if (selection.length === 0) return [...found]
  const names = [...new Set(found.map((ref) => ref.name))]
  return selection.flatMap(({ name, version }) => {
    const versions = found.filter((ref) => ref.name === name)
    if (versions.length === 0) {
      throw new ModelSelectionError(
        `model "${name}" is selected but not in the repository, which holds ${names.join(', ')}`,
      )
    }
    if (version === undefined) return versions
    const pinned = versions.filter((ref) => ref.version === version)
    if (pinned.length === 0) {
      const held = versions.map((ref) => ref.version).join(', ')
      throw new ModelSelectionError(
        `model "${name}" version ${version} is selected but the repository holds versions ${held}`,
      )
    }
    return pinned
  })
}

/**
 * A model is ready once it has answered: the first inference pays for lazy initialisation, and a
 * model that cannot be batched or cannot run is found out before it takes traffic.
 */
async function warmUp(model: Model): Promise<void> {
  const problem = batchingProblem(model.signature)
  if (problem) throw new Error(problem)
  const inputs = model.signature.inputs.map((spec) =>
    rulesOf(spec.datatype).allocate(valuesPerInstance(spec)),
  )
  const outputs = await model.run({ rows: 1, inputs })
  if (outputs.length !== model.signature.outputs.length) {
    throw new Error(
      `the warm-up answered ${outputs.length} outputs, the signature lists ${model.signature.outputs.length}`,
    )
  }
}
