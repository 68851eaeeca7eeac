import { describe, expect, it } from 'vitest'
import { DependencyUnavailableError } from '../../src/domain/errors.js'
import { PetDirectoryNotFound } from '../../src/domain/pet-directory/pet-directory.errors.js'
import type { Owner, Pet } from '../../src/domain/pet-directory/pet-directory.port.js'
import { PetProfileNotFound } from '../../src/domain/profiles/pet-profile.js'
import { createProfilesService } from '../../src/service/profiles.service.js'
import { FakePetDirectory } from '../fakes/pet-directory.fake.js'

const owner: Owner = {
  id: '0195b1d4-0000-7000-8000-000000000001',
  name: 'Ada',
  email: null,
  createdAt: '2026-01-02T03:04:05.000Z',
  updatedAt: '2026-01-02T03:04:05.000Z',
}
const pet: Pet = {
  id: '0195b1d4-0000-7000-8000-000000000002',
  name: 'Rex',
  ownerId: owner.id,
  description: 'likes the sofa',
  species: 'dog',
  createdAt: '2026-01-02T03:04:05.000Z',
  updatedAt: '2026-01-02T03:04:05.000Z',
}

describe('the profiles service', () => {
  it("makes a pet's profile from the pet and its owner, asking for the owner the pet names", async () => {
    const directory = new FakePetDirectory({ getPet: async () => pet, getOwner: async () => owner })

    await expect(createProfilesService(directory).profileOf(pet.id)).resolves.toEqual({
      petId: pet.id,
      name: 'Rex',
      species: 'dog',
      description: 'likes the sofa',
      owner: { id: owner.id, name: 'Ada' },
    })
    expect(directory.calls).toEqual([
      { operation: 'getPet', arguments: [pet.id] },
      { operation: 'getOwner', arguments: [owner.id] },
    ])
  })

  it('says there is no profile when the pets service has no such pet', async () => {
    const directory = new FakePetDirectory({
      getPet: async () => {
        throw new PetDirectoryNotFound('getPet')
      },
    })

    await expect(createProfilesService(directory).profileOf(pet.id)).rejects.toThrow(PetProfileNotFound)
    expect(directory.calls).toHaveLength(1)
  })

  it('lets the pets service being unavailable through as it is', async () => {
    const directory = new FakePetDirectory({
      getPet: async () => {
        throw new DependencyUnavailableError('pets', 30)
      },
    })

    await expect(createProfilesService(directory).profileOf(pet.id)).rejects.toMatchObject({
      details: { dependency: 'pets', retryAfterSeconds: 30 },
    })
  })
})
