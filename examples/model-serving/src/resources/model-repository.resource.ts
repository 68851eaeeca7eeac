import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { ModelControlDisabledError } from '../domain/model/model.errors.js'
import type { TrafficSplit } from '../domain/model/traffic-split.js'
import type { ModelRegistry } from '../service/model-registry.service.js'
import { ModelParams } from './open-inference.schema.js'
import { problemResponses } from './problem.schema.js'

/** What the repository routes need of the registry. */
export type ModelRepositoryService = Pick<
  ModelRegistry,
  'index' | 'loadModel' | 'unloadModel' | 'trafficOf' | 'setTraffic'
>

const VersionNumber = Type.String({
  pattern: '^[0-9]{1,9}$',
  description: 'A version of the model, as its folder is named.',
})

const RepositoryEntry = Type.Object({
  name: Type.String(),
  version: Type.String(),
  state: Type.Enum(['READY', 'LOADING', 'UNLOADING', 'UNAVAILABLE']),
  reason: Type.Optional(Type.String()),
})

const VersionChoice = Type.Object(
  {
    parameters: Type.Optional(
      Type.Object({ version: Type.Optional(VersionNumber) }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
)

const Weights = Type.Record(
  Type.String({ pattern: '^[0-9]{1,9}$' }),
  Type.Integer({ minimum: 0, maximum: 1000 }),
  {
    description: 'A weight per version: requests that name no version go to each in proportion.',
  },
)
const Traffic = Type.Object({ name: Type.String(), weights: Weights })

/** Load and unload take a body or none: none means every version. */
function noBodyIsEmpty(request: FastifyRequest, _reply: unknown, done: () => void) {
  request.body ??= {}
  done()
}

const weightsOf = (split: TrafficSplit) =>
  Object.fromEntries([...split].map(([version, weight]) => [String(version), weight]))

/**
 * The Open Inference Protocol's model repository extension: what the repository holds, loading and
 * unloading at run time (a version unloaded finishes its requests in flight first); and, beside it,
 * the traffic split between the versions of a model.
 */
export interface ModelRepositoryOptions {
  /** Whether clients may load, unload and split versions (MODEL_CONTROL_MODE=explicit); listing is always allowed. */
  readonly control: boolean
}

export function modelRepositoryResource(
  repository: ModelRepositoryService,
  { control }: ModelRepositoryOptions,
): FastifyPluginAsyncTypebox {
  const controlled = () => {
    if (!control) throw new ModelControlDisabledError()
  }
  return async function modelRepositoryRoutes(app) {
    app.post(
      '/v2/repository/index',
      {
        schema: {
          operationId: 'listRepository',
          tags: ['model repository'],
          summary: 'Every model version the repository holds, and whether it is served',
          response: { 200: Type.Array(RepositoryEntry) },
        },
      },
      async () =>
        (await repository.index()).map(({ version, reason, ...entry }) => ({
          ...entry,
          version: String(version),
          ...(reason !== undefined && { reason }),
        })),
    )

    app.post(
      '/v2/repository/models/:name/load',
      {
        schema: {
          operationId: 'loadModel',
          tags: ['model repository'],
          summary: 'Loads a model (every version, or parameters.version) from the repository and warms it up',
          params: ModelParams,
          body: VersionChoice,
          response: { 200: Type.Array(RepositoryEntry), ...problemResponses(400, 404, 409, 422) },
        },
        preValidation: noBodyIsEmpty,
      },
      async ({ params, body }) => {
        controlled()
        const version = body.parameters?.version
        const loaded = await repository.loadModel(
          params.name,
          version === undefined ? undefined : Number(version),
        )
        return loaded.map(({ name, version }) => ({
          name,
          version: String(version),
          state: 'READY' as const,
        }))
      },
    )

    app.post(
      '/v2/repository/models/:name/unload',
      {
        schema: {
          operationId: 'unloadModel',
          tags: ['model repository'],
          summary:
            'Stops serving a model (every version, or parameters.version), once its requests in flight are answered',
          params: ModelParams,
          body: VersionChoice,
          response: { 200: Type.Object({}), ...problemResponses(400, 404, 409) },
        },
        preValidation: noBodyIsEmpty,
      },
      async ({ params, body }) => {
        controlled()
        const version = body.parameters?.version
        await repository.unloadModel(params.name, version === undefined ? undefined : Number(version))
        return {}
      },
    )

    app.get(
      '/v2/repository/models/:name/traffic',
      {
        schema: {
          operationId: 'getTraffic',
          tags: ['model repository'],
          summary:
            'How requests that name no version are split between the versions; empty: all to the latest ready one',
          params: ModelParams,
          response: { 200: Traffic, ...problemResponses(404) },
        },
      },
      async ({ params }) => ({ name: params.name, weights: weightsOf(repository.trafficOf(params.name)) }),
    )

    app.put(
      '/v2/repository/models/:name/traffic',
      {
        schema: {
          operationId: 'setTraffic',
          tags: ['model repository'],
          summary: 'Splits the requests that name no version between ready versions, by weight',
          params: ModelParams,
          body: Type.Object({ weights: Weights }, { additionalProperties: false }),
          response: { 200: Traffic, ...problemResponses(400, 404, 409, 422) },
        },
      },
      async ({ params, body }) => {
        controlled()
        const weights = new Map(
          Object.entries(body.weights).map(([version, weight]) => [Number(version), weight]),
        )
        return { name: params.name, weights: weightsOf(repository.setTraffic(params.name, weights)) }
      },
    )
  }
}
