import { context, propagation, type TracerProvider, trace } from '@opentelemetry/api'

/** The W3C ids of the span current where this runs, for log lines and problem answers; undefined when untraced. */
export function activeTraceIds(): { trace_id: string; span_id: string } | undefined {
  const span = trace.getActiveSpan()?.spanContext()
  return span && trace.isSpanContextValid(span) ? { trace_id: span.traceId, span_id: span.spanId } : undefined
}

/** The current trace as W3C headers (traceparent, tracestate), to store or send with a message; undefined when untraced. */
export function traceHeaders(): Record<string, string> | undefined {
  const headers: Record<string, string> = {}
  propagation.inject(context.active(), headers)
  return Object.keys(headers).length > 0 ? headers : undefined
}

/** Runs `work` in the trace that `headers` carry on, as the continuation of the work that wrote them. */
export function inTraceOf<T>(
  headers: Readonly<Record<string, unknown>> | null | undefined,
  work: () => T,
): T {
  if (!headers) return work()
  return context.with(propagation.extract(context.active(), headers), work)
}

/** Sends the spans still waiting in the exporter's queue: the last thing a closing service does. */
export async function flushTraces(): Promise<void> {
  // The global provider is a proxy for the SDK's, which alone can flush.
  const provider = trace.getTracerProvider() as TracerProvider & { getDelegate?: () => TracerProvider }
  const delegate = (provider.getDelegate?.() ?? provider) as { forceFlush?: () => Promise<void> }
  await delegate.forceFlush?.()
}
