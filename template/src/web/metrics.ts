import type { FastifyInstance, FastifyRequest } from 'fastify'
import { Histogram, type Registry } from 'prom-client'

/**
 * `GET /metrics` in the Prometheus text format, and a latency histogram of every request by
 * method, route and status (its `_count` is the request count). Routes are labelled by their
 * pattern (`/pets/:id`), never the raw URL, so the number of series stays bounded. The registry is
 * the app's own, so several apps (in tests) never share their numbers.
 */
export function registerMetrics(server: FastifyInstance, registry: Registry): void {
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from request to response, by method, route and status.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  })
  const routeLabels = new Map<string, string>()

  /** The route as the OpenAPI document writes it (no regex constraints); unmatched requests share one label. */
  function routeOf(request: FastifyRequest): string {
    const url = request.routeOptions.url
    if (url === undefined) return 'unmatched'
    let label = routeLabels.get(url)
    if (label === undefined) {
      label = url.replace(/\(\^[^)]*\)/g, '').replaceAll('::', ':')
      routeLabels.set(url, label)
    }
    return label
  }

  server.addHook('onResponse', (request, reply, done) => {
    duration.observe(
      { method: request.method, route: routeOf(request), status_code: reply.statusCode },
      reply.elapsedTime / 1000,
    )
    done()
  })

  server.get(
    '/metrics',
    {
      schema: {
        operationId: 'getMetrics',
        tags: ['operations'],
        summary: 'Metrics in the Prometheus text format',
        response: {
          200: {
            description: 'Prometheus text exposition format.',
            content: { 'text/plain': { schema: { type: 'string' } } },
          },
        },
      },
    },
    async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()),
  )
}
