import { describe, expect, it } from 'vitest'
import { resourceNamesOf } from '../../generator/src/resource/resource-name.js'

describe('resource names', () => {
  it('spells a one-word name every way the code needs', () => {
    expect(resourceNamesOf('pet')).toMatchObject({
      Entity: 'Pet',
      entity: 'pet',
      Entities: 'Pets',
      entities: 'pets',
      kebabPlural: 'pets',
      table: 'pets',
      CODE: 'PET',
      aLabel: 'a pet',
    })
  })

  it.each([
    [
      'pet-owner',
      { Entity: 'PetOwner', Entities: 'PetOwners', kebabPlural: 'pet-owners', table: 'pet_owners' },
    ],
    ['petOwner', { Entity: 'PetOwner', kebab: 'pet-owner', table: 'pet_owners', CODE: 'PET_OWNER' }],
    ['pet_owner', { Entity: 'PetOwner', kebabPlural: 'pet-owners' }],
    ['person', { Entities: 'People', kebabPlural: 'people', table: 'people' }],
    ['category', { Entities: 'Categories', table: 'categories' }],
    ['order-item', { Entities: 'OrderItems', aLabel: 'an order item' }],
    ['sheep', { Entities: 'Sheep', kebabPlural: 'sheep' }],
  ])('handles %s', (input, expected) => {
    expect(resourceNamesOf(input)).toMatchObject(expected)
  })

  it.each([
    ['pets', /singular: use "pet"/],
    ['pet-owners', /singular: use "pet-owner"/],
    ['class', /reserved/],
    ['delete', /reserved/],
    ['health', /reserved/],
    ['request', /reserved/],
    ['error', /reserved/],
    ['promise', /clashes with Promise/],
    ['2fast', /invalid resource name/],
    ['pet owner', /invalid resource name/],
    ['pet--owner', /invalid resource name/],
  ])('refuses %s', (input, reason) => {
    expect(() => resourceNamesOf(input)).toThrow(reason)
  })
})
