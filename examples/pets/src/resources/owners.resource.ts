import { type FastifyPluginAsyncTypebox, type Static, Type } from '@fastify/type-provider-typebox'
import type { Owner, OwnerFilter, OwnerListQuery, OwnerSortField } from '../domain/owners/owner.js'
import type { Page, PageRequest } from '../domain/page.js'
import type { OwnersService } from '../service/owners.service.js'
import { conditionOf, sortKeysOf } from './list-query.js'
import {
  defaultPageSize,
  NewOwnerSchema,
  OwnerChangesSchema,
  OwnerIdSchema,
  type OwnerJson,
  OwnerListQuerySchema,
  OwnerPageSchema,
  OwnerSchema,
} from './owners.schemas.js'
import { problemResponses } from './problem.schema.js'

const routeTags = ['owners']

/** The scopes a token must grant: to read owners, and to change them. */
const readScope = 'owners:read'
const writeScope = 'owners:write'

/** HTTP for owners: translates requests to use cases, and owners to JSON. */
export function ownersResource(owners: OwnersService): FastifyPluginAsyncTypebox {
  return async function ownersRoutes(app) {
    app.get(
      '/owners',
      {
        config: { scopes: [readScope] },
        schema: {
          operationId: 'listOwners',
          tags: routeTags,
          summary: 'List owners, oldest first or as sorted, a page at a time',
          querystring: OwnerListQuerySchema,
          response: { 200: OwnerPageSchema, ...problemResponses(422) },
        },
      },
      async (request) => pageJson(await owners.listOwners(...listAsked(request.query))),
    )

    app.get(
      '/owners/:id',
      {
        config: { scopes: [readScope] },
        schema: {
          operationId: 'getOwner',
          tags: routeTags,
          summary: 'Get one owner',
          params: OwnerIdSchema,
          response: { 200: OwnerSchema, ...problemResponses(404) },
        },
      },
      async (request) => toJson(await owners.getOwner(request.params.id)),
    )

    app.post(
      '/owners',
      {
        config: { scopes: [writeScope] },
        schema: {
          operationId: 'addOwner',
          tags: routeTags,
          summary: 'Add an owner',
          body: NewOwnerSchema,
          response: { 201: OwnerSchema, ...problemResponses(409, 422) },
        },
      },
      async (request, reply) => {
        const owner = await owners.addOwner(request.body)
        return reply.status(201).header('location', `/owners/${owner.id}`).send(toJson(owner))
      },
    )

    app.patch(
      '/owners/:id',
      {
        config: { scopes: [writeScope] },
        schema: {
          operationId: 'updateOwner',
          tags: routeTags,
          summary: 'Change some fields of an owner',
          params: OwnerIdSchema,
          body: OwnerChangesSchema,
          response: { 200: OwnerSchema, ...problemResponses(404, 409, 422) },
        },
      },
      async (request) => toJson(await owners.updateOwner(request.params.id, request.body)),
    )

    app.delete(
      '/owners/:id',
      {
        config: { scopes: [writeScope] },
        schema: {
          operationId: 'deleteOwner',
          tags: routeTags,
          summary: 'Delete an owner',
          params: OwnerIdSchema,
          response: { 204: Type.Null({ description: 'Deleted.' }), ...problemResponses(404, 409) },
        },
      },
      async (request, reply) => {
        await owners.deleteOwner(request.params.id)
        return reply.status(204).send(null)
      },
    )
  }
}

/** The list a query string asks for: what to filter and sort by, and which page. */
function listAsked(query: Static<typeof OwnerListQuerySchema>): [OwnerListQuery, PageRequest] {
  const { limit = defaultPageSize, cursor, sort, ...filters } = query
  return [
    { filter: filterOf(filters), sort: sortKeysOf<OwnerSortField>(sort) },
    { limit, after: cursor },
  ]
}

function pageJson(page: Page<Owner>): Static<typeof OwnerPageSchema> {
  return { items: page.items.map(toJson), nextCursor: page.nextCursor }
}

type OwnerFilterQuery = Omit<Static<typeof OwnerListQuerySchema>, 'limit' | 'cursor' | 'sort'>

function filterOf(query: OwnerFilterQuery): OwnerFilter {
  return {
    name: conditionOf({
      eq: query.name,
    }),
    email: conditionOf({
      eq: query.email,
    }),
  }
}

function toJson(owner: Owner): OwnerJson {
  return {
    id: owner.id,
    name: owner.name,
    email: owner.email,
    createdAt: owner.createdAt.toISOString(),
    updatedAt: owner.updatedAt.toISOString(),
  }
}
