import type { FastifyInstance } from 'fastify'

/** Answered as 503 problem+json, with Retry-After: another instance takes the request. */
export class ServiceClosing extends Error {
  override readonly name = 'ServiceClosing'
  readonly statusCode = 503

  constructor() {
    super('the service is shutting down')
  }
}

/**
 * Once the server begins to close, a request still arriving on an open connection is not run but
 * answered 503 (and the connection closed): as problem+json, which Fastify's own answer to it,
 * `return503OnClosing`, is not.
 */
export function refuseWhileClosing(server: FastifyInstance): void {
  let closing = false
  server.addHook('preClose', (done) => {
    closing = true
    done()
  })
  server.addHook('onRequest', (_request, _reply, done) => {
    done(closing ? new ServiceClosing() : undefined)
  })
}
