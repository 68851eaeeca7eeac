import { type Span, SpanStatusCode, trace } from '@opentelemetry/api'

const tracer = trace.getTracer('service-layer')

/**
 * `service` with each of its operations in a span of its own, `<name>.<operation>`: the use case,
 * between the request that asked for it and the queries it made; only inside a trace, as the
 * queries are. The composition root wraps the services it builds, so that the service layer itself
 * knows nothing of tracing.
 */
export function traced<Service extends object>(name: string, service: Service): Service {
  const wrapped: Record<string, unknown> = {}
  for (const [operation, member] of Object.entries(service)) {
    wrapped[operation] =
      typeof member === 'function' ? inSpan(`${name}.${operation}`, member.bind(service)) : member
  }
  return wrapped as Service
}

/** Leaves the composition root's wiring as it is when nothing is traced: a service costs no span. */
export function tracedWhen(enabled: boolean): typeof traced {
  return enabled ? traced : (_name, service) => service
}

function inSpan(spanName: string, operation: (...args: unknown[]) => unknown) {
  return (...args: unknown[]) =>
    // Outside any trace (a route left untraced, such as the probes), a use case starts none either.
    trace.getActiveSpan() === undefined
      ? operation(...args)
      : tracer.startActiveSpan(spanName, (span) => {
          try {
            const result = operation(...args)
            if (!(result instanceof Promise)) {
              span.end()
              return result
            }
            return result.then(
              (value) => {
                span.end()
                return value
              },
              (error: unknown) => failed(span, error),
            )
          } catch (error) {
            return failed(span, error)
          }
        })
}

function failed(span: Span, error: unknown): never {
  span.recordException(error instanceof Error ? error : String(error))
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : undefined })
  span.end()
  throw error
}
