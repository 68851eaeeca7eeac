import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import type { HealthService } from '../service/health.service.js'
import type { PredictionService } from '../service/prediction.service.js'
import { modelVersionHeader } from './model-version-header.js'
import { Predictions, predictBodySchema, serializeWithJsonStringify } from './predict.schema.js'
import { problemResponses } from './problem.schema.js'

export interface SageMakerOptions {
  readonly maxInstancesPerRequest: number
}

const tags = ['SageMaker']
const PingBody = Type.Object({ status: Type.Union([Type.Literal('ready'), Type.Literal('not ready')]) })

/**
 * A SageMaker inference container: /ping and /invocations for the default model. Invocations take
 * the same JSON body as Vertex AI, or CSV with one instance per line, as SageMaker batch transform sends.
 */
export function sagemakerResource(
  inference: PredictionService,
  health: HealthService,
  options: SageMakerOptions,
): FastifyPluginAsyncTypebox {
  return async function sagemakerRoutes(app) {
    app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => {
      done(null, { instances: instancesOfCsv(String(body)) })
    })

    app.get(
      '/ping',
      {
        schema: {
          tags,
          summary: 'Every model is ready',
          response: {
            200: { description: 'Every model is ready.', ...PingBody },
            503: { description: 'A model is still loading, or failed to load.', ...PingBody },
          },
        },
      },
      async (_request, reply) => {
        const { ready } = await health.readiness()
        return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready' })
      },
    )

    app.post(
      '/invocations',
      {
        schema: {
          tags,
          summary: 'Predict with the default model (JSON, or CSV with one instance per line)',
          consumes: ['application/json', 'text/csv'],
          body: predictBodySchema(options.maxInstancesPerRequest),
          response: { 200: Predictions, ...problemResponses(400, 404, 413, 415, 503) },
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

/** One instance per non-empty line; a cell that is not a number stays text, so the error can name it. */
export function instancesOfCsv(text: string): unknown[][] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) =>
      line.split(',').map((cell) => {
        const value = cell.trim()
        const number = Number(value)
        return value === '' || Number.isNaN(number) ? value : number
      }),
    )
}
