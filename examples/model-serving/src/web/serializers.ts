import { SerializerSelector } from '@fastify/fast-json-stringify-compiler'
import type { FastifyServerOptions } from 'fastify'

type SerializerFactory = ReturnType<typeof SerializerSelector>

/**
 * Fastify's own response serializers, each distinct schema compiled once. Every route documents
 * the same problem responses; compiling them route by route was most of the start-up time.
 */
export const sharedSerializers: FastifyServerOptions['schemaController'] = {
  compilersFactory: { buildSerializer: compilingEachSchemaOnce(SerializerSelector()) },
}

function compilingEachSchemaOnce(buildSerializer: SerializerFactory): SerializerFactory {
  return (externalSchemas, options) => {
    const compile = buildSerializer(externalSchemas, options)
    const compiled = new Map<string, ReturnType<typeof compile>>()
    return (route) => {
      const key = JSON.stringify(route.schema)
      let serializer = compiled.get(key)
      if (!serializer) {
        serializer = compile(route)
        compiled.set(key, serializer)
      }
      return serializer
    }
  }
}
