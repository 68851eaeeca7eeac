import { beforeEach, describe, expect, it } from 'vitest'
import { PetNotFound } from '../../src/domain/pets/pet.errors.js'
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
})
