/**
 * Loaded before the service, `node --import ./dist/tracing.js dist/main.js`, so that the modules
 * tracing instruments are instrumented as they load. Does nothing, and loads nothing, unless
 * OTEL_EXPORTER_OTLP_ENDPOINT is set; a wrong setting is left for main.ts to report with the others.
 */
import { createRequire } from 'node:module'
import { join } from 'node:path'
import './config/formats.js'
import { readSettings, serviceRoot } from './config/read-settings.js'
import { tracingOf, tracingSettings } from './config/tracing.settings.js'

const tracing = settingsIfValid()
if (tracing?.enabled) {
  const { name, version } = createRequire(import.meta.url)(join(serviceRoot, 'package.json')) as Record<
    string,
    string
  >
  const { startTracing } = await import('./telemetry/start-tracing.js')
  startTracing({
    serviceName: name ?? 'service',
    serviceVersion: version ?? '0.0.0',
    ignorePaths: tracing.ignorePaths,
  })
}

function settingsIfValid() {
  try {
    return tracingOf(readSettings(tracingSettings(), process.env))
  } catch {
    return undefined
  }
}
