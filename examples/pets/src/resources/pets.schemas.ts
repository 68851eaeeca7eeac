import { type Static, Type } from '@fastify/type-provider-typebox'

/** PostgreSQL text cannot hold the NUL character: refused here, as a 400 naming the field. */
const noNul = '^[^\\u0000]*$'

/** Each field as a client may send it: one definition for create, change and filter. */
const fields = {
  name: Type.String({ minLength: 1, maxLength: 200, pattern: noNul }),
  owner: Type.String({ minLength: 1, maxLength: 200, pattern: noNul }),
  description: Type.String({ maxLength: 10_000, pattern: noNul }),
  species: Type.Union([
    Type.Literal('dog'),
    Type.Literal('cat'),
    Type.Literal('bird'),
    Type.Literal('other'),
  ]),
}

export const NewPetSchema = Type.Object(
  {
    name: fields.name,
    owner: fields.owner,
    description: Type.Optional(Type.Union([fields.description, Type.Null()])),
    species: fields.species,
  },
  { title: 'NewPet', additionalProperties: false },
)

/** A pet changes owner only through adoption, so a change does not name one. */
export const PetChangesSchema = Type.Object(
  {
    name: Type.Optional(fields.name),
    description: Type.Optional(Type.Union([fields.description, Type.Null()])),
    species: Type.Optional(fields.species),
  },
  { title: 'PetChanges', additionalProperties: false, minProperties: 1 },
)

export const AdoptionSchema = Type.Object(
  { owner: fields.owner },
  { title: 'Adoption', description: 'Who adopts the pet.', additionalProperties: false },
)

export const PetSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    owner: Type.String(),
    description: Type.Union([Type.String(), Type.Null()]),
    species: Type.Union([
      Type.Literal('dog'),
      Type.Literal('cat'),
      Type.Literal('bird'),
      Type.Literal('other'),
    ]),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'Pet' },
)

export const PetPageSchema = Type.Object(
  {
    items: Type.Array(PetSchema),
    nextCursor: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], {
      description: 'Pass as `cursor` to get the next page; null on the last page.',
    }),
  },
  { title: 'PetPage' },
)

export const defaultPageSize = 20

export const PetListQuerySchema = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: defaultPageSize })),
    cursor: Type.Optional(
      Type.String({ format: 'uuid', description: 'The nextCursor of the previous page.' }),
    ),
    name: Type.Optional(fields.name),
    owner: Type.Optional(fields.owner),
    species: Type.Optional(fields.species),
  },
  { additionalProperties: false },
)

export const PetIdSchema = Type.Object({ id: Type.String({ format: 'uuid' }) })

export type PetJson = Static<typeof PetSchema>
