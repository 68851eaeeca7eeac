/**
 * The settings of tracing, by the standard OpenTelemetry variables: spans are exported over OTLP
 * once an endpoint is set, and nothing is traced otherwise. The SDK reads the rest of the OTEL_*
 * variables itself: OTEL_EXPORTER_OTLP_PROTOCOL, OTEL_TRACES_SAMPLER, OTEL_RESOURCE_ATTRIBUTES...
 */
export function tracingSettings() {
  return {
    endpoint: {
      doc: 'Where the OpenTelemetry collector takes OTLP, like http://otel-collector:4318. Empty: no tracing.',
      format: 'optional-http-url',
      default: '',
      env: 'OTEL_EXPORTER_OTLP_ENDPOINT',
    },
    tracesEndpoint: {
      doc: 'Where spans alone go, when not to OTEL_EXPORTER_OTLP_ENDPOINT/v1/traces.',
      format: 'optional-http-url',
      default: '',
      env: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
    },
    disabled: {
      doc: 'No tracing, whatever endpoint is set.',
      format: 'strict-boolean',
      default: false,
      env: 'OTEL_SDK_DISABLED',
    },
    ignorePaths: {
      doc: 'Routes not traced, as a glob: what machines call every few seconds and does no work.',
      format: 'non-empty-string',
      default: '{/health/**,/metrics}',
      env: 'OTEL_FASTIFY_IGNORE_PATHS',
    },
  }
}

export interface TracingSettings {
  readonly endpoint: string
  readonly tracesEndpoint: string
  readonly disabled: boolean
  readonly ignorePaths: string
}

export interface Tracing {
  /** Whether spans are made and exported at all. */
  readonly enabled: boolean
  readonly ignorePaths: string
}

export function tracingOf({ endpoint, tracesEndpoint, disabled, ignorePaths }: TracingSettings): Tracing {
  return { enabled: !disabled && (endpoint !== '' || tracesEndpoint !== ''), ignorePaths }
}
