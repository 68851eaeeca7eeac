import type { DependencyProbe } from '../domain/health/dependency-probe.port.js'
import { rulesOf } from '../domain/model/datatype.js'
import {
  ModelNotReadyError,
  UnknownModelError,
  UnknownModelVersionError,
} from '../domain/model/model.errors.js'
import type { Model } from '../domain/model/model.port.js'
import type { ModelStore, ModelVersionRef } from '../domain/model/model-store.port.js'
import { batchingProblem, valuesPerInstance } from '../domain/model/signature.js'

/** Which models to serve: every version of a name, or one version of it. */
export interface ModelSelection {
  readonly name: string
  readonly version?: number
}

export type LoadState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly model: Model }
  | { readonly status: 'failed'; readonly reason: string }

export interface ServedVersion extends ModelVersionRef {
  readonly state: LoadState
}

/** A served version whose state changes in place as it loads, so that lookups allocate nothing. */
interface VersionRecord extends ModelVersionRef {
  state: LoadState
}

export interface ModelRegistry {
  /** The model the single-model protocols (Vertex AI, SageMaker) serve: the first selected or found. */
  readonly defaultModel: string
  /** Every served model name, the default first. */
  names(): string[]
  /** The served versions of a model, oldest first; throws when the model is not served. */
  versionsOf(name: string): readonly ServedVersion[]
  /**
   * One version of a model, by its number as written in a URL; the latest when absent.
   * Throws when the model or the version is not served.
   */
  find(name: string | undefined, version?: string): ServedVersion
  /** Like find, but only a version that has loaded and answered its warm-up; throws otherwise. */
  ready(name: string | undefined, version?: string): Model
  /** One probe per version: up once it has loaded and answered its warm-up inference. */
  probes(): DependencyProbe[]
  /** Loads every version and warms it up; never rejects, a failure is kept as that version's state. */
  load(): Promise<ServedVersion[]>
  /** Frees every loaded model, once loading has settled. */
  close(): Promise<void>
}

/** Lists the store and settles what to serve; throws when a selected model or version is not there. */
export async function openModelRegistry(
  store: ModelStore,
  selection: readonly ModelSelection[],
): Promise<ModelRegistry> {
  const served = selectVersions(await store.list(), selection).map(
    ({ name, version }): VersionRecord => ({ name, version, state: { status: 'loading' } }),
  )
  const byName = groupByName(served)
  const defaultModel = selection[0]?.name ?? served[0]?.name ?? ''
  let loading: Promise<ServedVersion[]> | undefined

  function versionsOf(name: string): readonly ServedVersion[] {
    const versions = byName.get(name)
    if (!versions) throw new UnknownModelError(name, [...byName.keys()])
    return versions
  }

  function find(name = defaultModel, version?: string): ServedVersion {
    const versions = versionsOf(name)
    const found =
      version === undefined ? versions.at(-1) : versions.find((v) => String(v.version) === version)
    if (!found) {
      throw new UnknownModelVersionError(
        name,
        version ?? '',
        versions.map((v) => v.version),
      )
    }
    return found
  }

  async function loadOne(record: VersionRecord): Promise<ServedVersion> {
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

  return {
    defaultModel,
    names: () => [defaultModel, ...[...byName.keys()].filter((name) => name !== defaultModel)],
    versionsOf,
    find,
    ready(name, version) {
      const found = find(name, version)
      if (found.state.status !== 'ready') throw new ModelNotReadyError(found.name, found.version)
      return found.state.model
    },
    probes: () =>
      served.map((record) => ({
        name: `${record.name}/${record.version}`,
        check: async () => {
          const { state } = record
          if (state.status === 'loading') throw new Error('still loading')
          if (state.status === 'failed') throw new Error(`failed to load: ${state.reason}`)
        },
      })),
    load() {
      loading ??= Promise.all(served.map(loadOne))
      return loading
    },
    async close() {
      await loading
      await Promise.all(
        served.map(({ state }) => (state.status === 'ready' ? state.model.close() : undefined)),
      )
    },
  }
}

/** Versions by model name, oldest first, so the last is the latest. */
function groupByName<Ref extends ModelVersionRef>(refs: readonly Ref[]): Map<string, Ref[]> {
  const groups = new Map<string, Ref[]>()
  for (const ref of refs) groups.set(ref.name, [...(groups.get(ref.name) ?? []), ref])
  for (const versions of groups.values()) versions.sort((a, b) => a.version - b.version)
  return groups
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
