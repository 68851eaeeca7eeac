import type { PetDraft } from '../../src/domain/pets/pet.js'

/** A pet with every field set. */
export const aPet: PetDraft = {
  name: 'Alpha',
  owner: 'Alpha',
  description: 'A longer text.',
  species: 'dog',
}

/** Another pet, different in every field, with its optional fields left out. */
export const anotherPet: PetDraft = {
  name: 'Beta',
  owner: 'Beta',
  species: 'cat',
}
