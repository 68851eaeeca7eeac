import { AsyncLocalStorage } from 'node:async_hooks'
import type { FastifyInstance } from 'fastify'

const requestIds = new AsyncLocalStorage<string>()

/** The id of the request being answered, wherever its code runs: what outbound calls pass on. */
export function currentRequestId(): string | undefined {
  return requestIds.getStore()
}

/**
 * Makes each request's id the current one while it is answered. Only a service that calls others
 * turns it on: on Node 20, AsyncLocalStorage costs something on every promise.
 */
export function registerRequestContext(server: FastifyInstance): void {
  server.addHook('onRequest', (request, _reply, done) => requestIds.run(request.id, done))
}
