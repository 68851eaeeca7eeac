import { readFileSync } from 'node:fs'
import { SourceMap } from 'node:module'
import { fileURLToPath } from 'node:url'

/**
 * The original source of a frame in a bundle, through the bundle's source map (dist/*.js.map
 * beside it): where a profile of a bundled service says `dist/chunk-X.js:2`, the map says
 * `node_modules/kysely/...` or `src/gateways/pets.gateway.ts`. Frames outside a bundle keep
 * their own URL.
 */
export function originalSourceLocator(): (url: string, line: number, column: number) => string {
  const maps = new Map<string, SourceMap | undefined>()
  const mapOf = (url: string) => {
    if (!maps.has(url)) maps.set(url, readMap(url))
    return maps.get(url)
  }
  return (url, line, column) => {
    const map = url.includes('/dist/') ? mapOf(url) : undefined
    const entry = map?.findEntry(line, column) as { originalSource?: string } | undefined
    return entry?.originalSource ?? url
  }
}

function readMap(url: string): SourceMap | undefined {
  try {
    const file = url.startsWith('file://') ? fileURLToPath(url) : url
    return new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')))
  } catch {
    return undefined
  }
}

/**
 * The stages of a request, as the layer-cost table names them, by where the code comes from.
 * First match wins: serialisation lives inside Fastify, and Fastify inside node_modules.
 */
const stages: readonly [stage: string, source: RegExp][] = [
  [
    'serialisation',
    /node_modules\/(fast-json-stringify|@fastify\/fast-json-stringify-compiler|json-schema-ref-resolver)\/|node_modules\/fastify\/lib\/(reply|error-serializer)\.js/,
  ],
  [
    'routing and validation',
    /node_modules\/(fastify|find-my-way|avvio|ajv|ajv-formats|fast-uri|typebox|@fastify\/type-provider-typebox|fast-querystring|secure-json-parse|@fastify\/ajv-compiler|@fastify\/error|fastq|toad-cache|content-type|fast-decode-uri-component|@fastify\/forwarded|@fastify\/proxy-addr)\/|\/src\/web\/(validation|field-errors)\.ts$/,
  ],
  [
    'hooks (ids, headers, timeouts, metrics, logs)',
    /\/src\/web\/|\/src\/telemetry\/|node_modules\/(helmet|@fastify\/cors|@fastify\/rate-limit|prom-client|pino|pino-std-serializers|sonic-boom|thread-stream|tdigest|bintrees|@fastify\/otel)\//,
  ],
  ['resources (handlers)', /\/src\/resources\/|\/bench\/baselines\//],
  ['use case and domain', /\/src\/(service|domain)\//],
  ['gateway and query building', /\/src\/(gateways|clients)\/|node_modules\/kysely\//],
  [
    'driver (pg)',
    /node_modules\/(pg|pg-protocol|pg-types|pg-pool|pg-int8|pgpass|postgres-array|postgres-bytea|postgres-date|postgres-interval|pg-connection-string|split2)\//,
  ],
  ['ids (uuid)', /node_modules\/uuid\//],
  ['Node: HTTP, sockets, timers, promises', /^node:|^\(native\)$|^\(program\)$/],
  ['garbage collection', /^\(garbage collector\)$/],
]

/** The stage of code from `source` (a path or URL, or a V8 pseudo-frame such as `(native)`). */
export function stageOf(source: string): string {
  return stages.find(([, pattern]) => pattern.test(source))?.[0] ?? 'other'
}

export const stageNames = [...stages.map(([stage]) => stage), 'other']
