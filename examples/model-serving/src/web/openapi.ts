import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'

export interface ApiDescription {
  readonly title: string
  readonly version: string
  readonly description: string
}

/** The OpenAPI document at /docs/json, built from the routes' own schemas, and a UI at /docs. */
export async function registerOpenApi(server: FastifyInstance, api: ApiDescription): Promise<void> {
  await server.register(swagger, {
    openapi: { openapi: '3.1.0', info: api },
    refResolver: {
      buildLocalReference: (schema, _base, _fragment, index) => String(schema.$id ?? `schema-${index}`),
    },
  })
  // The UI sends its own Content-Security-Policy, which lets its scripts run under helmet's headers.
  await server.register(swaggerUi, { routePrefix: '/docs', staticCSP: true })
}
