import { beforeEach, describe, expect, it } from 'vitest'
import { OwnerNotFound } from '../../src/domain/owners/owner.errors.js'
import { PetAlreadyOwned, PetNameTaken, PetNotFound } from '../../src/domain/pets/pet.errors.js'
import type { PetDraft } from '../../src/domain/pets/pet.js'
import { createPetsService } from '../../src/service/pets.service.js'
import { newMemory } from '../fakes/memory.js'
import { createFakeEventOutbox, createFakeTransactions } from '../fakes/messaging.fake.js'
import { createFakeOwnerRepository } from '../fakes/owners.fake.js'
import { createFakePetRepository } from '../fakes/pets.fake.js'
import { anotherPet, aPet, type PetReferences } from '../fixtures/pets.js'

const unknownId = '00000000-0000-4000-8000-000000000000'

describe('the pets service', () => {
  const memory = newMemory()
  const outbox = createFakeEventOutbox(memory)
  const petRepository = createFakePetRepository(memory)
  const pets = createPetsService(
    petRepository,
    createFakeOwnerRepository(memory),
    createFakeTransactions(memory, {
      pets: petRepository,
      events: outbox,
    }),
  )
  let references: PetReferences
  const draft = (example: PetDraft): PetDraft => ({ ...example, ...references })
  beforeEach(async () => {
    for (const table of memory.tables.values()) table.clear()
    references = {
      ownerId: (await createFakeOwnerRepository(memory).add({ name: 'Alpha' })).id,
    }
  })

  it('adds a pet and gets it back by id', async () => {
    const added = await pets.addPet(draft(aPet))

    expect(await pets.getPet(added.id)).toEqual(added)
  })

  it('applies the pet rules before anything is stored', async () => {
    await expect(pets.addPet(draft({ ...aPet, name: ' ' }))).rejects.toThrow('must not be blank')
    expect((await pets.listPets({}, { limit: 10 })).items).toEqual([])
  })

  it('says which pet does not exist', async () => {
    await expect(pets.getPet(unknownId)).rejects.toThrow(new PetNotFound(unknownId))
    await expect(pets.updatePet(unknownId, aPet)).rejects.toThrow(PetNotFound)
    await expect(pets.deletePet(unknownId)).rejects.toThrow(PetNotFound)
  })

  it('updates a pet', async () => {
    const added = await pets.addPet(draft(aPet))

    const updated = await pets.updatePet(added.id, { name: 'Beta' })

    expect(updated.name).toEqual('Beta')
  })

  it('deletes a pet, which then no longer exists', async () => {
    const added = await pets.addPet(draft(aPet))

    await pets.deletePet(added.id)

    await expect(pets.getPet(added.id)).rejects.toThrow(PetNotFound)
  })

  it('lists pets a page at a time', async () => {
    const first = await pets.addPet(draft(aPet))
    const second = await pets.addPet(draft(anotherPet))

    const page = await pets.listPets({}, { limit: 1 })
    const next = await pets.listPets({}, { limit: 1, after: page.nextCursor ?? '' })

    expect([page.items, next.items]).toEqual([[first], [second]])
  })

  it('lists the pets of one owner, and says when that owner does not exist', async () => {
    const added = await pets.addPet(draft(aPet))
    const missing = '0195d6c2-0000-7000-8000-0000000000ff'

    const page = await pets.listPetsOfOwner(added.ownerId ?? '', {}, { limit: 10 })

    expect(page.items).toEqual([added])
    await expect(pets.listPetsOfOwner(missing, {}, { limit: 10 })).rejects.toThrow(new OwnerNotFound(missing))
  })

  const anOwner = async (name: string) => (await createFakeOwnerRepository(memory).add({ name })).id

  describe('names', () => {
    it('refuses a second pet of the same name for one owner, naming both', async () => {
      await pets.addPet(draft(aPet))

      await expect(pets.addPet(draft({ ...anotherPet, name: aPet.name }))).rejects.toThrow(
        new PetNameTaken(references.ownerId, aPet.name),
      )
    })

    it('lets two owners call their pets the same', async () => {
      await pets.addPet(draft(aPet))
      const bob = await anOwner('Bob')

      await expect(pets.addPet({ ...aPet, ownerId: bob })).resolves.toMatchObject({
        name: aPet.name,
        ownerId: bob,
      })
    })

    it('refuses a rename to a name the owner already uses, but not to its own name', async () => {
      const rex = await pets.addPet(draft(aPet))
      const tom = await pets.addPet(draft(anotherPet))

      await expect(pets.updatePet(tom.id, { name: aPet.name })).rejects.toThrow(PetNameTaken)
      await expect(pets.updatePet(rex.id, { name: aPet.name, description: null })).resolves.toMatchObject({
        description: null,
      })
    })
  })

  describe('adoption', () => {
    it('gives the pet to its new owner', async () => {
      const rex = await pets.addPet(draft(aPet))
      const carol = await anOwner('Carol')

      const adopted = await pets.adoptPet(rex.id, carol)

      expect(adopted).toMatchObject({ id: rex.id, name: aPet.name, ownerId: carol })
      expect(await pets.getPet(rex.id)).toEqual(adopted)
    })

    it('records pet.adopted with the new and the previous owner', async () => {
      const rex = await pets.addPet(draft(aPet))
      const carol = await anOwner('Carol')

      const adopted = await pets.adoptPet(rex.id, carol)

      expect(outbox.recorded()).toEqual([
        {
          type: 'pet.adopted',
          data: {
            petId: rex.id,
            name: aPet.name,
            ownerId: carol,
            previousOwnerId: references.ownerId,
            adoptedAt: adopted.updatedAt.toISOString(),
          },
        },
      ])
    })

    it('records nothing when the adoption is refused', async () => {
      const rex = await pets.addPet(draft(aPet))

      await expect(pets.adoptPet(rex.id, references.ownerId)).rejects.toThrow(PetAlreadyOwned)
      expect(outbox.recorded()).toEqual([])
    })

    it('refuses to give a pet to the owner it has', async () => {
      const rex = await pets.addPet(draft(aPet))

      await expect(pets.adoptPet(rex.id, references.ownerId)).rejects.toThrow(PetAlreadyOwned)
    })

    it('refuses an owner who already has a pet of that name, and leaves the pet where it was', async () => {
      const rex = await pets.addPet(draft(aPet))
      const bob = await anOwner('Bob')
      await pets.addPet({ ...anotherPet, name: aPet.name, ownerId: bob })

      await expect(pets.adoptPet(rex.id, bob)).rejects.toThrow(new PetNameTaken(bob, aPet.name))
      expect((await pets.getPet(rex.id)).ownerId).toBe(references.ownerId)
    })

    it('says which pet does not exist', async () => {
      await expect(pets.adoptPet(unknownId, references.ownerId)).rejects.toThrow(new PetNotFound(unknownId))
    })
  })
})
