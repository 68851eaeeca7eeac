import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import type { ModelCatalog } from '../service/model-catalog.service.js'
import type { PredictionService } from '../service/prediction.service.js'
import { modelVersionHeader } from './model-version-header.js'
import { Predictions, predictBodySchema, serializeWithJsonStringify } from './predict.schema.js'
import { problemResponses } from './problem.schema.js'

export interface KServeV1Options {
  readonly maxInstancesPerRequest: number
}

// Regular expressions keep the `:predict` suffix out of the parameters.
const modelPath = '/v1/models/:name(^[^:/]+)'
const versionPath = `${modelPath}/versions/:version(^[^:/]+)`

const ModelParams = Type.Object({ name: Type.String() })
const VersionParams = Type.Object({ name: Type.String(), version: Type.String() })
const ModelReadiness = Type.Object({ name: Type.String(), ready: Type.Boolean() })

/** The KServe V1 (TensorFlow Serving style) protocol: model list, model readiness, predict. */
export function kserveV1Resource(
  inference: PredictionService,
  catalog: ModelCatalog,
  options: KServeV1Options,
): FastifyPluginAsyncTypebox {
  return async function kserveV1Routes(app) {
    const predictSchema = <Params>(params: Params, summary: string) => ({
      tags: ['KServe V1'],
      summary,
      params,
      body: predictBodySchema(options.maxInstancesPerRequest),
      response: { 200: Predictions, ...problemResponses(400, 404, 413, 503) },
    })

    app.get(
      '/v1/models',
      {
        schema: {
          tags: ['KServe V1'],
          summary: 'The served models',
          response: { 200: Type.Object({ models: Type.Array(Type.String()) }) },
        },
      },
      async () => ({ models: catalog.names() }),
    )

    app.get(
      modelPath,
      {
        schema: {
          tags: ['KServe V1'],
          summary: 'Whether the latest version of a model is ready',
          params: ModelParams,
          response: {
            200: { description: 'Loaded and warmed up.', ...ModelReadiness },
            503: { description: 'Still loading, or failed to load.', ...ModelReadiness },
            ...problemResponses(404),
          },
        },
      },
      async (request, reply) => {
        const { name, ready } = catalog.status(request.params.name)
        return reply.status(ready ? 200 : 503).send({ name, ready })
      },
    )

    app.post(
      `${modelPath}::predict`,
      {
        schema: predictSchema(ModelParams, 'Predict with the latest version of a model'),
        serializerCompiler: serializeWithJsonStringify,
      },
      async (request, reply) => {
        const { name } = request.params
        const { predictions, version } = await inference.predict({
          model: name,
          instances: request.body.instances,
          routingKey: request.id,
        })
        reply.header(modelVersionHeader, version)
        return { predictions }
      },
    )

    app.post(
      `${versionPath}::predict`,
      {
        schema: predictSchema(VersionParams, 'Predict with one version of a model'),
        serializerCompiler: serializeWithJsonStringify,
      },
      async (request, reply) => {
        const { name, version } = request.params
        const { predictions } = await inference.predict({
          model: name,
          version,
          instances: request.body.instances,
        })
        reply.header(modelVersionHeader, version)
        return { predictions }
      },
    )
  }
}
