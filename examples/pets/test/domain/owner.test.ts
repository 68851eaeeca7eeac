import { describe, expect, it } from 'vitest'
import { OwnerInvalid } from '../../src/domain/owners/owner.errors.js'
import { checkOwnerChanges, checkOwnerDraft } from '../../src/domain/owners/owner.js'
import { aOwner } from '../fixtures/owners.js'

describe('the rules of an owner', () => {
  it('accept a well-formed owner as it is', () => {
    expect(checkOwnerDraft(aOwner)).toEqual(aOwner)
  })

  it('store name trimmed', () => {
    expect(checkOwnerDraft({ ...aOwner, name: '  padded  ' }).name).toBe('padded')
  })

  it('refuse a blank name, in a new owner and in a change', () => {
    expect(() => checkOwnerDraft({ ...aOwner, name: ' \t ' })).toThrow(OwnerInvalid)
    expect(() => checkOwnerChanges({ name: '' })).toThrow('name must not be blank')
  })

  it('store email trimmed', () => {
    expect(checkOwnerDraft({ ...aOwner, email: '  padded  ' }).email).toBe('padded')
  })

  it('store a blank email as no email at all', () => {
    expect(checkOwnerChanges({ email: '   ' }).email).toBeNull()
  })

  it('leave the fields a change does not name alone', () => {
    expect(checkOwnerChanges({})).toEqual({})
  })
})
