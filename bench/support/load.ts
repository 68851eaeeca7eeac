import autocannon from 'autocannon'
import { quantile } from './stats.js'

export interface LoadRequest {
  readonly method?: 'GET' | 'POST'
  readonly path: string
  readonly body?: string
}

export interface LoadOptions {
  readonly url: string
  readonly connections: number
  readonly durationSeconds: number
  /** The request each connection sends next; called once per request. */
  readonly nextRequest: () => LoadRequest
  /** The process answering, whose CPU time per request is then measured too. */
  readonly server?: { cpuTimeMs(): Promise<number> }
}

export interface LoadResult {
  readonly requestsPerSecond: number
  readonly p50Ms: number
  readonly p99Ms: number
  readonly requests: number
  /** CPU time of the server per request, user and system; less sensitive to neighbours than req/s. */
  readonly serverCpuMicrosPerRequest?: number
}

/** Most requests that may fail before a run is discarded as meaningless. */
const toleratedFailures = 0.001

/**
 * Drives `url` with autocannon: `connections` clients, each sending its next request as soon as the
 * previous one is answered, for `durationSeconds`. Latencies are kept to the microsecond (autocannon's
 * own histogram rounds to whole milliseconds, too coarse on loopback).
 */
export async function applyLoad(options: LoadOptions): Promise<LoadResult> {
  const cpuBefore = await options.server?.cpuTimeMs()
  const result = await runAutocannon(options)
  const cpuAfter = await options.server?.cpuTimeMs()
  if (cpuBefore === undefined || cpuAfter === undefined) return result
  return { ...result, serverCpuMicrosPerRequest: ((cpuAfter - cpuBefore) * 1000) / result.requests }
}

function runAutocannon(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = []
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.durationSeconds,
        pipelining: 1,
        timeout: 10,
        headers: { 'content-type': 'application/json' },
        requests: [{ setupRequest: (request) => ({ ...request, method: 'GET', ...options.nextRequest() }) }],
      },
      (error, result) => {
        if (error) return reject(error)
        const failures = result.errors + result.timeouts + result.non2xx
        if (failures > toleratedFailures * (latencies.length + failures)) {
          const statuses = JSON.stringify(result.statusCodeStats)
          return reject(new Error(`${options.url}: ${failures} failed requests (statuses ${statuses})`))
        }
        const seconds = (result.finish.getTime() - result.start.getTime()) / 1000
        resolve({
          requestsPerSecond: latencies.length / seconds,
          p50Ms: quantile(latencies, 0.5),
          p99Ms: quantile(latencies, 0.99),
          requests: latencies.length,
        })
      },
    )
    instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTimeMs)
    })
  })
}
