import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import type { OpenAPIV3_1 } from 'openapi-types'
import { bearerScheme } from './authentication.js'

export type ApiDescription = Required<Pick<OpenAPIV3_1.InfoObject, 'title' | 'version' | 'description'>>

/** The OpenAPI document at /docs/json, built from the routes' own schemas, and a UI at /docs. */
export async function registerOpenApi(
  server: FastifyInstance,
  api: ApiDescription,
  { bearer }: { readonly bearer: boolean },
): Promise<void> {
  const document: Partial<OpenAPIV3_1.Document> = {
    openapi: '3.1.0',
    info: api,
    // Relative: the document is served by the service it describes, wherever that is deployed.
    servers: [{ url: '/', description: 'The service serving this document.' }],
    ...(bearer && {
      components: {
        securitySchemes: {
          [bearerScheme]: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description:
              "A JWT from the service's identity provider; each operation names the scopes it needs.",
          },
        },
      },
    }),
  }
  await server.register(swagger, {
    openapi: document,
    refResolver: {
      buildLocalReference: (schema, _base, _fragment, index) => String(schema.$id ?? `schema-${index}`),
    },
  })
  const assets = swaggerUiAssets()
  await server.register(swaggerUi, {
    routePrefix: '/docs',
    // The UI sends its own Content-Security-Policy, which lets its scripts run under helmet's headers.
    staticCSP: true,
    baseDir: assets,
    logo: { type: 'image/svg+xml', content: readFileSync(join(assets, 'logo.svg')) },
  })
}

/**
 * The UI's files, in its package: found from here rather than from the plugin's own folder, so the
 * plugin can be bundled into the build like every other dependency.
 */
function swaggerUiAssets(): string {
  return join(dirname(createRequire(import.meta.url).resolve('@fastify/swagger-ui/package.json')), 'static')
}

/** A document made elsewhere (the AsyncAPI one of the service's messages), beside the OpenAPI one. */
export function serveAsyncApi(server: FastifyInstance, document: object): void {
  server.get('/docs/asyncapi.json', { schema: { hide: true } }, async () => document)
}
