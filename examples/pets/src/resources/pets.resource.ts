import { type FastifyPluginAsyncTypebox, type Static, Type } from '@fastify/type-provider-typebox'
import type { Page, PageRequest } from '../domain/page.js'
import type { Pet, PetFilter, PetListQuery, PetSortField, PetSpecies } from '../domain/pets/pet.js'
import type { PetsService } from '../service/pets.service.js'
import { conditionOf, sortKeysOf } from './list-query.js'
import {
  AdoptionSchema,
  defaultPageSize,
  NewPetSchema,
  PetChangesSchema,
  PetIdSchema,
  type PetJson,
  PetListQuerySchema,
  PetPageSchema,
  PetSchema,
} from './pets.schemas.js'
import { problemResponses } from './problem.schema.js'

const routeTags = ['pets']

/** The scopes a token must grant: to read pets, and to change them. */
const readScope = 'pets:read'
const writeScope = 'pets:write'

/** HTTP for pets: translates requests to use cases, and pets to JSON. */
export function petsResource(pets: PetsService): FastifyPluginAsyncTypebox {
  return async function petsRoutes(app) {
    app.get(
      '/pets',
      {
        config: { scopes: [readScope] },
        schema: {
          operationId: 'listPets',
          tags: routeTags,
          summary: 'List pets, oldest first or as sorted, a page at a time',
          querystring: PetListQuerySchema,
          response: { 200: PetPageSchema, ...problemResponses(422) },
        },
      },
      async (request) => pageJson(await pets.listPets(...listAsked(request.query))),
    )

    app.get(
      '/owners/:id/pets',
      {
        config: { scopes: [readScope] },
        schema: {
          operationId: 'listPetsOfOwner',
          tags: routeTags,
          summary: 'List the pets whose owner is this owner, a page at a time',
          params: PetIdSchema,
          querystring: PetListQuerySchema,
          response: { 200: PetPageSchema, ...problemResponses(404, 422) },
        },
      },
      async (request) => pageJson(await pets.listPetsOfOwner(request.params.id, ...listAsked(request.query))),
    )

    app.get(
      '/pets/:id',
      {
        config: { scopes: [readScope] },
        schema: {
          operationId: 'getPet',
          tags: routeTags,
          summary: 'Get one pet',
          params: PetIdSchema,
          response: { 200: PetSchema, ...problemResponses(404) },
        },
      },
      async (request) => toJson(await pets.getPet(request.params.id)),
    )

    app.post(
      '/pets',
      {
        config: { scopes: [writeScope] },
        schema: {
          operationId: 'addPet',
          tags: routeTags,
          summary: 'Add a pet',
          body: NewPetSchema,
          response: { 201: PetSchema, ...problemResponses(409, 422) },
        },
      },
      async (request, reply) => {
        const pet = await pets.addPet(request.body)
        return reply.status(201).header('location', `/pets/${pet.id}`).send(toJson(pet))
      },
    )

    app.patch(
      '/pets/:id',
      {
        config: { scopes: [writeScope] },
        schema: {
          operationId: 'updatePet',
          tags: routeTags,
          summary: 'Change some fields of a pet',
          params: PetIdSchema,
          body: PetChangesSchema,
          response: { 200: PetSchema, ...problemResponses(404, 409, 422) },
        },
      },
      async (request) => toJson(await pets.updatePet(request.params.id, request.body)),
    )

    app.post(
      '/pets/:id/adoption',
      {
        config: { scopes: [writeScope] },
        schema: {
          operationId: 'adoptPet',
          tags: routeTags,
          summary: 'Give a pet to a new owner',
          description:
            'The only way a pet changes owner. The new owner must exist and may not have a pet of the same name.',
          params: PetIdSchema,
          body: AdoptionSchema,
          response: { 200: PetSchema, ...problemResponses(404, 409, 422) },
        },
      },
      async (request) => toJson(await pets.adoptPet(request.params.id, request.body.ownerId)),
    )

    app.delete(
      '/pets/:id',
      {
        config: { scopes: [writeScope] },
        schema: {
          operationId: 'deletePet',
          tags: routeTags,
          summary: 'Delete a pet',
          params: PetIdSchema,
          response: { 204: Type.Null({ description: 'Deleted.' }), ...problemResponses(404, 409) },
        },
      },
      async (request, reply) => {
        await pets.deletePet(request.params.id)
        return reply.status(204).send(null)
      },
    )
  }
}

/** The list a query string asks for: what to filter and sort by, and which page. */
function listAsked(query: Static<typeof PetListQuerySchema>): [PetListQuery, PageRequest] {
  const { limit = defaultPageSize, cursor, sort, ...filters } = query
  return [
    { filter: filterOf(filters), sort: sortKeysOf<PetSortField>(sort) },
    { limit, after: cursor },
  ]
}

function pageJson(page: Page<Pet>): Static<typeof PetPageSchema> {
  return { items: page.items.map(toJson), nextCursor: page.nextCursor }
}

type PetFilterQuery = Omit<Static<typeof PetListQuerySchema>, 'limit' | 'cursor' | 'sort'>

function filterOf(query: PetFilterQuery): PetFilter {
  return {
    name: conditionOf({
      eq: query.name,
    }),
    ownerId: conditionOf({
      eq: query.ownerId,
    }),
    species: conditionOf({
      eq: query.species,
      in: query['species.in']?.split(',') as PetSpecies[] | undefined,
    }),
  }
}

function toJson(pet: Pet): PetJson {
  return {
    id: pet.id,
    name: pet.name,
    ownerId: pet.ownerId,
    description: pet.description,
    species: pet.species,
    createdAt: pet.createdAt.toISOString(),
    updatedAt: pet.updatedAt.toISOString(),
  }
}
