import type { PetDraft } from '../../src/domain/pets/pet.js'

/** A pet with every field set. */
export const aPet: PetDraft = {
  name: 'Alpha',
  ownerId: '0195d6c2-0000-7000-8000-00000000000a',
  description: 'A longer text.',
  species: 'dog',
}

/** Another pet, different in every field, with its optional fields left out. */
export const anotherPet: PetDraft = {
  name: 'Beta',
  ownerId: '0195d6c2-0000-7000-8000-00000000000b',
  species: 'cat',
}

/** The ids of what a pet refers to: each test stores those first, and puts their ids in. */
export type PetReferences = Pick<PetDraft, 'ownerId'>
