import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BundledService, startBundledService } from '../support/bundled-service.js'
import {
  ancestorsOf,
  callerTrace,
  type ExportedSpan,
  type OtlpCollector,
  startOtlpCollector,
} from '../support/otlp-collector.js'

const { traceId, spanId: callerSpanId, traceparent } = callerTrace()

async function created(response: Response): Promise<string> {
  if (response.status !== 201) throw new Error(`${response.status}: ${await response.text()}`)
  return ((await response.json()) as { id: string }).id
}

/**
 * One request of the pets resource, followed through every layer: the route, the use case, the
 * gateway's query, in the trace the caller began.
 */
describe('tracing a request for a pet', () => {
  let collector: OtlpCollector
  let service: BundledService
  let status: number

  beforeAll(async () => {
    collector = await startOtlpCollector()
    service = await startBundledService({
      PGLITE_DATA_DIR: 'memory://',
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '60000',
      LOG_LEVEL: 'warn',
    })
    const post = (path: string, body: object) =>
      fetch(`${service.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    const ownerId = await created(await post('/owners', { name: 'Alice' }))
    const petId = await created(await post('/pets', { name: 'Rex', ownerId, species: 'dog' }))
    const answer = await fetch(`${service.baseUrl}/pets/${petId}`, {
      headers: { traceparent },
    })
    status = answer.status
    await service.stop()
  }, 60_000)

  afterAll(async () => {
    await collector?.close()
  })

  it('exports the route, the use case and the query as one branch of the caller trace', () => {
    expect(status).toBe(200)
    const spans = collector.spansOf(traceId)
    const query = spans.find((span) => String(span.attributes['db.query.text']).includes('from "pets"'))
    expect(query, `the spans of the trace: ${spans.map((span) => span.name).join(', ')}`).toBeDefined()

    const names = ancestorsOf(query as ExportedSpan, spans).map((span) => span.name)
    expect(names).toEqual(expect.arrayContaining(['pets.getPet', 'handler - petsRoutes']))
    expect(names.at(-1)).toBe('GET /pets/:id')
    expect(names.indexOf('pets.getPet')).toBeLessThan(names.indexOf('GET /pets/:id'))
    expect(ancestorsOf(query as ExportedSpan, spans).at(-1)?.parentSpanId).toBe(callerSpanId)
  })
})
