import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BundledService, startBundledService } from '../support/bundled-service.js'
import {
  ancestorsOf,
  callerTrace,
  type ExportedSpan,
  type OtlpCollector,
  startOtlpCollector,
} from '../support/otlp-collector.js'
import { createPrivateSchema, testEngines } from '../support/test-database.js'

const { name: packageName } = createRequire(import.meta.url)('../../package.json') as { name: string }

/**
 * The service as it runs in production, bundled and started with `--import ./dist/tracing.js`, with
 * OTEL_EXPORTER_OTLP_ENDPOINT set to a collector of the test's own. The exporter is told to wait a
 * minute between batches: spans that reach the collector were sent when the service closed.
 */
describe.each(testEngines())('tracing, on %s', (engine) => {
  let collector: OtlpCollector
  let service: BundledService
  let dropSchema = async () => {}
  const ready = callerTrace()
  const missing = callerTrace()
  let readyAnswer: Response
  let problem: Record<string, unknown>
  let exitCode: number | null

  beforeAll(async () => {
    collector = await startOtlpCollector()
    const database = engine === 'postgres' ? await createPrivateSchema() : undefined
    if (database) dropSchema = database.drop
    service = await startBundledService({
      ...(database ? { DATABASE_URL: database.url } : { PGLITE_DATA_DIR: 'memory://' }),
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '60000',
      OTEL_FASTIFY_IGNORE_PATHS: '/metrics',
      LOG_LEVEL: 'info',
      LOG_REQUESTS: 'true',
    })
    readyAnswer = await fetch(`${service.baseUrl}/health/ready`, {
      headers: { traceparent: ready.traceparent },
    })
    const notFound = await fetch(`${service.baseUrl}/no-such-route`, {
      headers: { traceparent: missing.traceparent },
    })
    problem = (await notFound.json()) as Record<string, unknown>
    exitCode = await service.stop()
  })

  afterAll(async () => {
    await collector?.close()
    await dropSchema()
  })

  it('exports, as it closes, the spans of a request from HTTP through the service layer down to SQL', () => {
    expect(readyAnswer.status).toBe(200)
    expect(exitCode).toBe(0)
    const spans = collector.spansOf(ready.traceId)
    const query = spans.find((span) => span.attributes['db.query.text'] === 'select 1')
    expect(query, `the spans of the trace: ${spans.map((span) => span.name).join(', ')}`).toBeDefined()

    const path = [query as ExportedSpan, ...ancestorsOf(query as ExportedSpan, spans)]
    expect(path.map((span) => span.name)).toEqual(
      expect.arrayContaining([
        'GET /health/ready',
        'handler - healthRoutes',
        'health.readiness',
        query?.name,
      ]),
    )
    const server = path.at(-1) as ExportedSpan
    expect(server).toMatchObject({ name: 'GET /health/ready', kind: 2, parentSpanId: ready.spanId })
    expect(server.attributes).toMatchObject({
      'http.route': '/health/ready',
      'http.response.status_code': 200,
    })
    expect(query?.attributes['db.system.name']).toBe('postgresql')
    expect(server.resource['service.name']).toBe(packageName)
  })

  it('names the trace in the log lines of the request and in the problem it answers', () => {
    expect(problem).toMatchObject({ status: 404, traceId: missing.traceId })
    const completed = service
      .output()
      .split('\n')
      .filter((line) => line.includes('"request completed"'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
    const traceOfRequest = (requestId: unknown) =>
      completed.find((line) => line.reqId === requestId)?.trace_id
    expect(traceOfRequest(readyAnswer.headers.get('x-request-id'))).toBe(ready.traceId)
    expect(traceOfRequest(problem.requestId)).toBe(missing.traceId)
  })
})
