import type { PetDraft } from '../../src/domain/pets/pet.js'

/** A pet with every field set. */
export const aPet: PetDraft = {
  name: 'Rex',
  owner: 'alice',
  description: 'Fetches anything thrown.',
  species: 'dog',
}

/** Another pet, different in every field, with its optional fields left out. */
export const anotherPet: PetDraft = {
  name: 'Tom',
  owner: 'bob',
  species: 'cat',
}
