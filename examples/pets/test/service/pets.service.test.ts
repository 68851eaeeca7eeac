import { beforeEach, describe, expect, it } from 'vitest'
import { PetAlreadyOwned, PetNameTaken, PetNotFound } from '../../src/domain/pets/pet.errors.js'
import { createPetsService } from '../../src/service/pets.service.js'
import { anotherPet, aPet } from '../examples/pets.js'
import { createFakePetRepository } from '../fakes/pets.fake.js'

const unknownId = '00000000-0000-4000-8000-000000000000'

describe('the pets service', () => {
  const repository = createFakePetRepository()
  const pets = createPetsService(repository)
  beforeEach(() => repository.clear())

  it('adds a pet and gets it back by id', async () => {
    const added = await pets.addPet(aPet)

    expect(await pets.getPet(added.id)).toEqual(added)
  })

  it('applies the pet rules before anything is stored', async () => {
    await expect(pets.addPet({ ...aPet, name: ' ' })).rejects.toThrow('must not be blank')
    expect((await pets.listPets({}, { limit: 10 })).items).toEqual([])
  })

  it('says which pet does not exist', async () => {
    await expect(pets.getPet(unknownId)).rejects.toThrow(new PetNotFound(unknownId))
    await expect(pets.updatePet(unknownId, aPet)).rejects.toThrow(PetNotFound)
    await expect(pets.deletePet(unknownId)).rejects.toThrow(PetNotFound)
  })

  it('updates a pet', async () => {
    const added = await pets.addPet(aPet)

    const updated = await pets.updatePet(added.id, { name: 'Beta' })

    expect(updated.name).toEqual('Beta')
  })

  it('deletes a pet, which then no longer exists', async () => {
    const added = await pets.addPet(aPet)

    await pets.deletePet(added.id)

    await expect(pets.getPet(added.id)).rejects.toThrow(PetNotFound)
  })

  it('lists pets a page at a time', async () => {
    const first = await pets.addPet(aPet)
    const second = await pets.addPet(anotherPet)

    const page = await pets.listPets({}, { limit: 1 })
    const next = await pets.listPets({}, { limit: 1, after: page.nextCursor ?? '' })

    expect([page.items, next.items]).toEqual([[first], [second]])
  })

  describe('names', () => {
    it('refuses a second pet of the same name for one owner, naming both', async () => {
      await pets.addPet(aPet)

      await expect(pets.addPet({ ...anotherPet, name: aPet.name, owner: aPet.owner })).rejects.toThrow(
        new PetNameTaken('alice', 'Rex'),
      )
    })

    it('lets two owners call their pets the same', async () => {
      await pets.addPet(aPet)

      await expect(pets.addPet({ ...aPet, owner: 'bob' })).resolves.toMatchObject({
        name: 'Rex',
        owner: 'bob',
      })
    })

    it('refuses a rename to a name the owner already uses, but not to its own name', async () => {
      const rex = await pets.addPet(aPet)
      const tom = await pets.addPet({ ...anotherPet, owner: aPet.owner })

      await expect(pets.updatePet(tom.id, { name: 'Rex' })).rejects.toThrow(PetNameTaken)
      await expect(pets.updatePet(rex.id, { name: 'Rex', description: null })).resolves.toMatchObject({
        description: null,
      })
    })
  })

  describe('adoption', () => {
    it('gives the pet to its new owner', async () => {
      const rex = await pets.addPet(aPet)

      const adopted = await pets.adoptPet(rex.id, 'carol')

      expect(adopted).toMatchObject({ id: rex.id, name: 'Rex', owner: 'carol' })
      expect(await pets.getPet(rex.id)).toEqual(adopted)
    })

    it('refuses to give a pet to the owner it has', async () => {
      const rex = await pets.addPet(aPet)

      await expect(pets.adoptPet(rex.id, 'alice')).rejects.toThrow(PetAlreadyOwned)
    })

    it('refuses an owner who already has a pet of that name, and leaves the pet where it was', async () => {
      const rex = await pets.addPet(aPet)
      await pets.addPet({ ...anotherPet, name: 'Rex', owner: 'bob' })

      await expect(pets.adoptPet(rex.id, 'bob')).rejects.toThrow(new PetNameTaken('bob', 'Rex'))
      expect((await pets.getPet(rex.id)).owner).toBe('alice')
    })

    it('says which pet does not exist', async () => {
      await expect(pets.adoptPet(unknownId, 'bob')).rejects.toThrow(new PetNotFound(unknownId))
    })
  })
})
