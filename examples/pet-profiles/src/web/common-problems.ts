import type { FastifyInstance } from 'fastify'
import { problemResponses } from '../resources/problem.schema.js'

/**
 * Documents on every route the problems it may answer whatever it does: 400 when it takes input,
 * 413 and 415 when it takes a body, 414 when a path parameter is over the router's length limit,
 * 429 when requests are rate limited, 503 always (a dependency down, a request timed out, the
 * service shutting down). A route's own documentation wins.
 */
export function documentCommonProblems(
  server: FastifyInstance,
  { rateLimited }: { rateLimited: boolean },
): void {
  server.addHook('onRoute', (route) => {
    const schema = route.schema
    if (!schema || schema.hide) return
    const statuses = [
      ...(schema.body || schema.querystring || schema.params ? [400] : []),
      ...(schema.body ? [413, 415] : []),
      ...(schema.params ? [414] : []),
      ...(rateLimited ? [429] : []),
      503,
    ]
    schema.response = { ...problemResponses(...statuses), ...(schema.response as object | undefined) }
  })
}
