import type { FastifyInstance } from 'fastify'
import { Histogram, type Registry } from 'prom-client'

/**
 * `GET /metrics` in the Prometheus text format, and a latency histogram of every request by
 * method, route and status (its `_count` is the request count). Routes are labelled by their
 * pattern (`/pets/:id`), never the raw URL, so the number of series stays bounded.
 */
export function registerMetrics(server: FastifyInstance, registry: Registry): void {
  const requestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from request to response, by method, route and status.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  })

  server.addHook('onResponse', (request, reply, done) => {
    requestDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status_code: reply.statusCode,
      },
      reply.elapsedTime / 1000,
    )
    done()
  })

  server.get(
    '/metrics',
    { schema: { tags: ['operations'], summary: 'Metrics in the Prometheus text format' } },
    async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()),
  )
}
