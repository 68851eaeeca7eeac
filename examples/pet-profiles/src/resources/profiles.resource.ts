import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { ProfilesService } from '../service/profiles.service.js'
import { problemResponses } from './problem.schema.js'
import { PetIdSchema, type PetProfileJson, PetProfileSchema } from './profiles.schemas.js'

/** HTTP for pet profiles: each made on request from what the pets service holds. */
export function profilesResource(profiles: ProfilesService): FastifyPluginAsyncTypebox {
  return async function profilesRoutes(app) {
    app.get(
      '/profiles/:petId',
      {
        config: { scopes: ['profiles:read'] },
        schema: {
          operationId: 'getPetProfile',
          tags: ['profiles'],
          summary: 'The profile of a pet, with its owner',
          params: PetIdSchema,
          response: { 200: PetProfileSchema, ...problemResponses(404) },
        },
      },
      async (request): Promise<PetProfileJson> => profiles.profileOf(request.params.petId),
    )
  }
}
