import helmet from '@fastify/helmet'
import type { FastifyInstance, FastifyRequest } from 'fastify'

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
  await server.register(helmet)
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

function isOperational(probePaths: ReadonlySet<string>) {
  return (request: FastifyRequest): boolean => {
    const path = request.url.split('?')[0] ?? ''
    return path.startsWith('/health') || path === '/metrics' || probePaths.has(path)
  }
}
