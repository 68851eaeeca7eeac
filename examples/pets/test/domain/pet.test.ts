import { describe, expect, it } from 'vitest'
import { PetAlreadyOwned, PetInvalid } from '../../src/domain/pets/pet.errors.js'
import { checkAdoption, checkPetChanges, checkPetDraft, type Pet } from '../../src/domain/pets/pet.js'
import { aPet } from '../fixtures/pets.js'

describe('the rules of a pet', () => {
  it('accept a well-formed pet as it is', () => {
    expect(checkPetDraft(aPet)).toEqual(aPet)
  })

  it('store name trimmed', () => {
    expect(checkPetDraft({ ...aPet, name: '  padded  ' }).name).toBe('padded')
  })

  it('refuse a blank name, in a new pet and in a change', () => {
    expect(() => checkPetDraft({ ...aPet, name: ' \t ' })).toThrow(PetInvalid)
    expect(() => checkPetChanges({ name: '' })).toThrow('name must not be blank')
  })

  it('store description trimmed', () => {
    expect(checkPetDraft({ ...aPet, description: '  padded  ' }).description).toBe('padded')
  })

  it('store a blank description as no description at all', () => {
    expect(checkPetChanges({ description: '   ' }).description).toBeNull()
  })

  it('leave the fields a change does not name alone', () => {
    expect(checkPetChanges({})).toEqual({})
  })

  describe('on adoption', () => {
    const rex: Pet = {
      ...aPet,
      id: '0195d6c2-0000-7000-8000-000000000001',
      description: null,
      createdAt: new Date(),
      updatedAt: new Date(),
    }
    const bob = '0195d6c2-0000-7000-8000-0000000000bb'

    it('give the pet to the new owner', () => {
      expect(checkAdoption(rex, bob)).toBe(bob)
    })

    it('refuse to give a pet to the owner it has, naming ownerId', () => {
      expect(() => checkAdoption(rex, rex.ownerId)).toThrow(PetAlreadyOwned)
      expect(() => checkAdoption(rex, rex.ownerId)).toThrow(
        expect.objectContaining({ details: expect.objectContaining({ field: 'ownerId' }) }),
      )
    })
  })
})
