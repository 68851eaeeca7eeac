import { type Static, Type } from '@fastify/type-provider-typebox'

export const PetIdSchema = Type.Object({ petId: Type.String({ format: 'uuid' }) })

export const PetProfileSchema = Type.Object(
  {
    petId: Type.String({ format: 'uuid' }),
    name: Type.String(),
    species: Type.Enum(['dog', 'cat', 'bird', 'other']),
    description: Type.Union([Type.String(), Type.Null()]),
    owner: Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String() }),
  },
  { title: 'PetProfile' },
)

export type PetProfileJson = Static<typeof PetProfileSchema>
