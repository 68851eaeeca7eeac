import { randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A span as OTLP/JSON carries it, with the ids in hex. */
export interface ExportedSpan {
  readonly traceId: string
  readonly spanId: string
  readonly parentSpanId?: string
  readonly name: string
  /** 1 internal, 2 server, 3 client. */
  readonly kind: number
  readonly scope: string
  readonly attributes: Readonly<Record<string, unknown>>
  readonly resource: Readonly<Record<string, unknown>>
}

export interface OtlpCollector {
  /** For OTEL_EXPORTER_OTLP_ENDPOINT, with OTEL_EXPORTER_OTLP_PROTOCOL=http/json. */
  readonly endpoint: string
  /** Every span received so far in trace `traceId`. */
  spansOf(traceId: string): ExportedSpan[]
  close(): Promise<void>
}

interface KeyValue {
  key: string
  value: Record<string, unknown>
}

interface TracesRequest {
  resourceSpans: {
    resource: { attributes: KeyValue[] }
    scopeSpans: {
      scope: { name: string }
      spans: (Omit<ExportedSpan, 'attributes' | 'scope' | 'resource'> & { attributes: KeyValue[] })[]
    }[]
  }[]
}

/** What an OpenTelemetry collector is to a service: the OTLP/HTTP traces endpoint, listening on loopback. */
export async function startOtlpCollector(): Promise<OtlpCollector> {
  const spans: ExportedSpan[] = []
  const server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => {
      body += chunk
    })
    request.on('end', () => {
      if (request.method === 'POST' && request.url === '/v1/traces') spans.push(...spansIn(JSON.parse(body)))
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    endpoint: `http://127.0.0.1:${port}`,
    spansOf: (traceId) => spans.filter((span) => span.traceId === traceId),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

function spansIn({ resourceSpans }: TracesRequest): ExportedSpan[] {
  return resourceSpans.flatMap(({ resource, scopeSpans }) =>
    scopeSpans.flatMap(({ scope, spans }) =>
      spans.map((span) => ({
        ...span,
        scope: scope.name,
        attributes: valuesOf(span.attributes),
        resource: valuesOf(resource.attributes),
      })),
    ),
  )
}

/** `[{ key, value: { stringValue } }]` as `{ key: value }`. */
function valuesOf(attributes: readonly KeyValue[]): Record<string, unknown> {
  return Object.fromEntries(attributes.map(({ key, value }) => [key, Object.values(value)[0]]))
}

/** The spans above `span` among `spans`, nearest first, by their parent ids. */
export function ancestorsOf(span: ExportedSpan, spans: readonly ExportedSpan[]): ExportedSpan[] {
  const parent = spans.find((candidate) => candidate.spanId === span.parentSpanId)
  return parent ? [parent, ...ancestorsOf(parent, spans)] : []
}

/** A trace begun by a caller, as the W3C traceparent header it sends carries it. */
export function callerTrace() {
  const traceId = randomBytes(16).toString('hex')
  const spanId = randomBytes(8).toString('hex')
  return { traceId, spanId, traceparent: `00-${traceId}-${spanId}-01` }
}
