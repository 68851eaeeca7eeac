import { describe, expect, it } from 'vitest'
import { PetInvalid } from '../../src/domain/pets/pet.errors.js'
import { checkPetChanges, checkPetDraft } from '../../src/domain/pets/pet.js'
import { aPet } from '../examples/pets.js'

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

  it('store owner trimmed', () => {
    expect(checkPetDraft({ ...aPet, owner: '  padded  ' }).owner).toBe('padded')
  })

  it('refuse a blank owner, in a new pet and in a change', () => {
    expect(() => checkPetDraft({ ...aPet, owner: ' \t ' })).toThrow(PetInvalid)
    expect(() => checkPetChanges({ owner: '' })).toThrow('owner must not be blank')
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
})
