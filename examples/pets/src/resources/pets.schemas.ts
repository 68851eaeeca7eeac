import { type Static, Type } from '@fastify/type-provider-typebox'
import { petSortFields, petSpecies } from '../domain/pets/pet.js'

/** PostgreSQL text cannot hold the NUL character: refused here, as a 400 naming the field. */
const noNul = '^[^\\u0000]*$'

/** Each field as a client may send it: one definition for create, change, filter and messages. */
export const petFields = {
  name: Type.String({ minLength: 1, maxLength: 200, pattern: noNul }),
  ownerId: Type.String({ format: 'uuid' }),
  description: Type.String({ maxLength: 10_000, pattern: noNul }),
  species: Type.Enum(petSpecies),
}

export const NewPetSchema = Type.Object(
  {
    name: petFields.name,
    ownerId: petFields.ownerId,
    description: Type.Optional(Type.Union([petFields.description, Type.Null()])),
    species: petFields.species,
  },
  { title: 'NewPet', additionalProperties: false },
)

/** A pet changes owner only through adoption, so a change does not name one. */
export const PetChangesSchema = Type.Object(
  {
    name: Type.Optional(petFields.name),
    description: Type.Optional(Type.Union([petFields.description, Type.Null()])),
    species: Type.Optional(petFields.species),
  },
  { title: 'PetChanges', additionalProperties: false, minProperties: 1 },
)

export const AdoptionSchema = Type.Object(
  { ownerId: petFields.ownerId },
  { title: 'Adoption', description: 'The owner who adopts the pet.', additionalProperties: false },
)

export const PetSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    ownerId: Type.String({ format: 'uuid' }),
    description: Type.Union([Type.String(), Type.Null()]),
    species: Type.Enum(petSpecies),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'Pet' },
)

export const PetPageSchema = Type.Object(
  {
    items: Type.Array(PetSchema),
    nextCursor: Type.Union([Type.String(), Type.Null()], {
      description:
        'Pass as `cursor`, with the same sort and filter, to get the next page; null on the last page.',
    }),
  },
  { title: 'PetPage' },
)

export const defaultPageSize = 20

export const PetListQuerySchema = Type.Object(
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
        pattern: `^-?(${petSortFields.join('|')})(,-?(${petSortFields.join('|')}))*$`,
        maxLength: 500,
        description:
          'Fields to order by, comma separated, each with a leading - for descending (`name,-createdAt`); ties go by id, oldest first. Keep it the same while following nextCursor.',
      }),
    ),
    name: Type.Optional(petFields.name),
    ownerId: Type.Optional(petFields.ownerId),
    species: Type.Optional(petFields.species),
    'species.in': Type.Optional(
      Type.String({
        pattern: `^(${petSpecies.join('|')})(,(${petSpecies.join('|')}))*$`,
        description: 'Any of these, comma separated.',
      }),
    ),
  },
  { additionalProperties: false },
)

export const PetIdSchema = Type.Object({ id: Type.String({ format: 'uuid' }) })

export type PetJson = Static<typeof PetSchema>
