import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { PredictionService } from '../service/prediction.service.js'
import { literalPath } from './literal-path.js'
import { modelVersionHeader } from './model-version-header.js'
import { Predictions, predictBodySchema, serializeWithJsonStringify } from './predict.schema.js'
import { problemResponses } from './problem.schema.js'

export interface VertexOptions {
  /** AIP_PREDICT_ROUTE: Vertex AI sends predictions here, e.g. /v1/endpoints/1/deployedModels/2:predict. */
  readonly predictRoute: string
  readonly maxInstancesPerRequest: number
}

/**
 * A Vertex AI custom container: predictions for the default model, at its latest version, on the route
 * Vertex names. Its health route is the health summary (see the health resource).
 */
export function vertexResource(
  inference: PredictionService,
  options: VertexOptions,
): FastifyPluginAsyncTypebox {
  const path = literalPath(options.predictRoute)
  return async function vertexRoutes(app) {
    // A route another protocol already serves for the default model (/invocations) answers as it is.
    if (app.hasRoute({ method: 'POST', url: path })) return
    app.post(
      path,
      {
        schema: {
          tags: ['Vertex AI'],
          summary: 'Predict with the default model',
          body: predictBodySchema(options.maxInstancesPerRequest),
          response: { 200: Predictions, ...problemResponses(400, 404, 413, 503) },
        },
        serializerCompiler: serializeWithJsonStringify,
      },
      async (request, reply) => {
        const { predictions, version } = await inference.predict({
          instances: request.body.instances,
          routingKey: request.id,
        })
        reply.header(modelVersionHeader, version)
        return { predictions }
      },
    )
  }
}
