import cors from '@fastify/cors'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyRequest } from 'fastify'

export interface ProtectionOptions {
  /** Origins browsers may call from; empty: no cross-origin access. `*` allows any. */
  readonly corsOrigins: readonly string[]
  /** Requests a client may make per window; 0 turns rate limiting off. */
  readonly rateLimitMax: number
  readonly rateLimitWindowMs: number
}

/** Security headers, cross-origin rules and a rate limit per client, as configured. */
export async function registerProtection(server: FastifyInstance, options: ProtectionOptions): Promise<void> {
  await server.register(helmet, { global: true })
  if (options.corsOrigins.length > 0) {
    await server.register(cors, {
      origin: options.corsOrigins.includes('*') ? true : [...options.corsOrigins],
    })
  }
  if (options.rateLimitMax > 0) {
    await server.register(rateLimit, {
      max: options.rateLimitMax,
      timeWindow: options.rateLimitWindowMs,
      // Orchestrators probe and scrape often from one address: they must never be turned away.
      allowList: isOperational,
      errorResponseBuilder: (_request, context) => ({
        statusCode: context.statusCode,
        message: `rate limit of ${context.max} requests per ${context.after} exceeded; retry in ${Math.ceil(context.ttl / 1000)} s`,
      }),
    })
  }
}

function isOperational(request: FastifyRequest): boolean {
  return request.url.startsWith('/health') || request.url === '/metrics'
}
