import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import helmet from 'helmet'

export interface ProtectionOptions {
  /** Origins browsers may call from; empty: no cross-origin access. `*` allows any. */
  readonly corsOrigins: readonly string[]
  /** Requests a client may make per window; 0 turns rate limiting off. */
  readonly rateLimitMax: number
  readonly rateLimitWindowMs: number
  /** Paths platforms probe besides /health and its subpaths (/ping, say): never rate limited either. */
  readonly probePaths?: readonly string[]
}

/**
 * Security headers (helmet's defaults), cross-origin rules and a rate limit per client, as
 * configured. The CORS and rate-limit plugins are loaded only when configured: a service that
 * needs neither starts sooner.
 */
export async function registerProtection(server: FastifyInstance, options: ProtectionOptions): Promise<void> {
  const securityHeaders = helmetHeaders()
  server.addHook('onRequest', (_request, reply, done) => {
    reply.headers(securityHeaders)
    done()
  })
  if (options.corsOrigins.length > 0) {
    const { default: cors } = await import('@fastify/cors')
    await server.register(cors, {
      origin: options.corsOrigins.includes('*') ? true : [...options.corsOrigins],
    })
  }
  if (options.rateLimitMax > 0) {
    const { default: rateLimit } = await import('@fastify/rate-limit')
    await server.register(rateLimit, {
      max: options.rateLimitMax,
      timeWindow: options.rateLimitWindowMs,
      // Orchestrators probe and scrape often from one address: they must never be turned away.
      allowList: isOperational(new Set(options.probePaths)),
      errorResponseBuilder: (_request, context) => ({
        statusCode: context.statusCode,
        message: `rate limit of ${context.max} requests per ${context.after} exceeded; retry in ${Math.ceil(context.ttl / 1000)} s`,
      }),
    })
  }
}

/**
 * The headers helmet's defaults send, which depend on nothing in the request, worked out once.
 * @fastify/helmet works them out again on every request: 9 µs, a third of pets' GET /health/live
 * throughput (43.6k against 31k req/s here, request logging off on both).
 */
function helmetHeaders(): Record<string, string> {
  const headers: Record<string, string> = {}
  const recorder = {
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = value
    },
    removeHeader: () => {},
  }
  helmet()({} as IncomingMessage, recorder as unknown as ServerResponse, () => {})
  return headers
}

function isOperational(probePaths: ReadonlySet<string>) {
  return (request: FastifyRequest): boolean => {
    const path = request.url.split('?')[0] ?? ''
    return path.startsWith('/health') || path === '/metrics' || probePaths.has(path)
  }
}
