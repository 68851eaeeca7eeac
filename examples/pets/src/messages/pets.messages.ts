import { Type } from 'typebox'
import { petFields } from '../resources/pets.schemas.js'

export const AdoptionRequestSchema = Type.Object(
  { petId: Type.String({ format: 'uuid' }), ownerId: petFields.ownerId },
  {
    title: 'AdoptionRequest',
    description: 'The pet to give, and the owner who adopts it.',
    additionalProperties: false,
  },
)

export const PetAdoptedSchema = Type.Object(
  {
    petId: Type.String({ format: 'uuid' }),
    name: Type.String(),
    ownerId: Type.String({ format: 'uuid' }),
    previousOwnerId: Type.String({ format: 'uuid' }),
    adoptedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'PetAdopted', description: 'A pet has a new owner.' },
)
