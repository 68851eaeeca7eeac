import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import type { Readiness } from '../domain/health/readiness.js'
import type { HealthService } from '../service/health.service.js'
import { literalPath } from './literal-path.js'

const Liveness = Type.Object({ status: Type.Enum(['up']), uptimeSeconds: Type.Integer() })

const ReadinessBody = Type.Object({
  status: Type.Enum(['ready', 'not ready']),
  dependencies: Type.Array(
    Type.Object({
      name: Type.String(),
      status: Type.Enum(['up', 'down']),
      latencyMs: Type.Integer(),
      optional: Type.Optional(
        Type.Boolean({
          description: 'The service serves without it: its being down leaves the service ready.',
        }),
      ),
    }),
  ),
})

const HealthSummary = Type.Object({ ...ReadinessBody.properties, uptimeSeconds: Type.Integer() })

const readinessResponses = {
  200: { description: 'Every dependency answers.', ...ReadinessBody },
  503: { description: 'A dependency does not answer: take this instance out of rotation.', ...ReadinessBody },
}

export interface HealthOptions {
  /** Where the summary answers: /health, and any route a platform probes (AIP_HEALTH_ROUTE on Vertex AI). */
  readonly summaryPaths: readonly string[]
}

/** Probes for orchestrators: liveness (restart me?), readiness (send me traffic?), and a summary. */
export function healthResource(
  health: HealthService,
  { summaryPaths }: HealthOptions = { summaryPaths: ['/health'] },
): FastifyPluginAsyncTypebox {
  return async function healthRoutes(app) {
    app.get(
      '/health/live',
      {
        schema: {
          operationId: 'getLiveness',
          tags: ['health'],
          summary: 'The process is up',
          response: { 200: Liveness },
        },
      },
      async () => ({ status: 'up' as const, uptimeSeconds: health.uptimeSeconds() }),
    )

    app.get(
      '/health/ready',
      {
        schema: {
          operationId: 'getReadiness',
          tags: ['health'],
          summary: 'Every dependency answers',
          response: readinessResponses,
        },
      },
      async (request, reply) => {
        const readiness = await health.readiness()
        logDownDependencies(request.log, readiness)
        return reply.status(readiness.ready ? 200 : 503).send(readinessBody(readiness))
      },
    )

    for (const path of new Set(summaryPaths.map(literalPath))) {
      // A platform may probe a route that another resource serves already (/v2/health/ready).
      if (app.hasRoute({ method: 'GET', url: path })) continue
      app.get(
        path,
        {
          schema: {
            operationId: operationIdOf(path),
            tags: ['health'],
            summary: 'Liveness and readiness in one answer',
            response: { 200: HealthSummary, 503: HealthSummary },
          },
        },
        async (request, reply) => {
          const readiness = await health.readiness()
          logDownDependencies(request.log, readiness)
          return reply
            .status(readiness.ready ? 200 : 503)
            .send({ ...readinessBody(readiness), uptimeSeconds: health.uptimeSeconds() })
        },
      )
    }
  }
}

/** `getHealth` for /health, `getV2HealthReady` for /v2/health/ready: unique, as each path is. */
function operationIdOf(path: string): string {
  const words = path.split(/[^A-Za-z0-9]+/).filter(Boolean)
  return `get${words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('')}`
}

/** Reasons stay in the log: they can name hosts and ports that a client has no business seeing. */
function readinessBody({ ready, dependencies }: Readiness) {
  return {
    status: ready ? ('ready' as const) : ('not ready' as const),
    dependencies: dependencies.map(({ name, up, latencyMs, optional }) => ({
      name,
      status: up ? ('up' as const) : ('down' as const),
      latencyMs,
      ...(optional && { optional }),
    })),
  }
}

function logDownDependencies(log: { warn(object: object, message: string): void }, readiness: Readiness) {
  for (const dependency of readiness.dependencies.filter((d) => !d.up)) {
    log.warn({ dependency: dependency.name, reason: dependency.reason }, 'dependency is down')
  }
}
