import { FastifyOtelInstrumentation } from '@fastify/otel'
import type { Span } from '@opentelemetry/api'
import { AmqplibInstrumentation } from '@opentelemetry/instrumentation-amqplib'
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg'
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici'
import { resourceFromAttributes } from '@opentelemetry/resources'
import { NodeSDK } from '@opentelemetry/sdk-node'
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions'

export interface TracingOptions {
  readonly serviceName: string
  readonly serviceVersion: string
  /** Routes left untraced, as a glob. */
  readonly ignorePaths: string
}

/**
 * Starts the OpenTelemetry SDK, exporting over OTLP as the OTEL_* variables say, with spans for
 * each request (Fastify), each query (pg, which the embedded database is reached through too),
 * each call to another service (undici) and each message (amqplib). It must run before the
 * service's modules load: pg and amqplib are instrumented as Node loads them.
 */
export function startTracing({ serviceName, serviceVersion, ignorePaths }: TracingOptions): void {
  const sdk = new NodeSDK({
    // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES, when set, take precedence over these.
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: serviceName,
      [ATTR_SERVICE_VERSION]: serviceVersion,
    }),
    instrumentations: [
      new FastifyOtelInstrumentation({
        registerOnInitialization: true,
        ignorePaths,
        requestHook: nameAfterRoute,
      }),
      // A query outside any request (the outbox relay polling, a probe) would make a trace of its own.
      new PgInstrumentation({ requireParentSpan: true }),
      new UndiciInstrumentation(),
      new AmqplibInstrumentation(),
    ],
  })
  sdk.start()
}

/** `GET /pets/:id`, as the semantic conventions name a server span, rather than `request`. */
function nameAfterRoute(span: Span, request: { method: string; routeOptions: { url?: string } }) {
  span.updateName(request.routeOptions.url ? `${request.method} ${request.routeOptions.url}` : request.method)
}
