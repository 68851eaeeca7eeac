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

async function untilReady(baseUrl: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if ((await fetch(`${baseUrl}/health/ready`)).ok) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('the models did not load')
}

/**
 * The service as its image runs it, with OTEL_EXPORTER_OTLP_ENDPOINT set to a collector of the
 * test's own: a prediction's spans reach it, from the request down to the use case.
 */
describe('tracing a prediction', () => {
  let collector: OtlpCollector
  let service: BundledService
  let answer: Response
  let exitCode: number | null

  beforeAll(async () => {
    collector = await startOtlpCollector()
    service = await startBundledService({
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '60000',
      LOG_LEVEL: 'warn',
    })
    await untilReady(service.baseUrl)
    answer = await fetch(`${service.baseUrl}/predict`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent },
      body: JSON.stringify({ instances: [[5.1, 3.5, 1.4, 0.2]] }),
    })
    exitCode = await service.stop()
  }, 60_000)

  afterAll(async () => {
    await collector?.close()
  })

  it('exports the request span, in the caller trace, with the prediction use case inside it', () => {
    expect(answer.status).toBe(200)
    expect(exitCode).toBe(0)
    const spans = collector.spansOf(traceId)
    const server = spans.find((span) => span.parentSpanId === callerSpanId) as ExportedSpan
    const useCase = spans.find((span) => span.name === 'inference.predict') as ExportedSpan
    expect(server).toMatchObject({ name: 'POST /predict', kind: 2 })
    expect(useCase, `the spans of the trace: ${spans.map((span) => span.name).join(', ')}`).toBeDefined()

    expect(ancestorsOf(useCase, spans)).toContain(server)
  })
})
