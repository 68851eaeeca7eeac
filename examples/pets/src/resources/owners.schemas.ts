import { type Static, Type } from '@fastify/type-provider-typebox'
import { ownerSortFields } from '../domain/owners/owner.js'

/** PostgreSQL text cannot hold the NUL character: refused here, as a 400 naming the field. */
const noNul = '^[^\\u0000]*$'

/** Each field as a client may send it: one definition for create, change and filter. */
const fields = {
  name: Type.String({ minLength: 1, maxLength: 200, pattern: noNul }),
  email: Type.String({ minLength: 1, maxLength: 200, pattern: noNul }),
}

export const NewOwnerSchema = Type.Object(
  {
    name: fields.name,
    email: Type.Optional(Type.Union([fields.email, Type.Null()])),
  },
  { title: 'NewOwner', additionalProperties: false },
)

export const OwnerChangesSchema = Type.Object(
  {
    name: Type.Optional(fields.name),
    email: Type.Optional(Type.Union([fields.email, Type.Null()])),
  },
  { title: 'OwnerChanges', additionalProperties: false, minProperties: 1 },
)

export const OwnerSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    email: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'Owner' },
)

export const OwnerPageSchema = Type.Object(
  {
    items: Type.Array(OwnerSchema),
    nextCursor: Type.Union([Type.String(), Type.Null()], {
      description:
        'Pass as `cursor`, with the same sort and filter, to get the next page; null on the last page.',
    }),
  },
  { title: 'OwnerPage' },
)

export const defaultPageSize = 20

export const OwnerListQuerySchema = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: defaultPageSize })),
    cursor: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z0-9_-]{1,2000}$',
        description: 'The nextCursor of the previous page, as it was.',
      }),
    ),
    sort: Type.Optional(
      Type.String({
        pattern: `^-?(${ownerSortFields.join('|')})(,-?(${ownerSortFields.join('|')}))*$`,
        maxLength: 500,
        description:
          'Fields to order by, comma separated, each with a leading - for descending (`name,-createdAt`); ties go by id, oldest first. Keep it the same while following nextCursor.',
      }),
    ),
    name: Type.Optional(fields.name),
    email: Type.Optional(fields.email),
  },
  { additionalProperties: false },
)

export const OwnerIdSchema = Type.Object({ id: Type.String({ format: 'uuid' }) })

export type OwnerJson = Static<typeof OwnerSchema>
