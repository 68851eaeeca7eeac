import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
import { PetConflict } from '../../src/domain/pets/pet.errors.js'
import type { PetRepository } from '../../src/domain/pets/pet-repository.port.js'
import { anotherPet, aPet } from '../examples/pets.js'

export interface PetRepositorySubject {
  readonly repository: PetRepository
  /** Forgets every pet. */
  reset(): Promise<void>
  close(): Promise<void>
}

/** What every PetRepository does, whatever keeps the pets: the gateway and the fake alike. */
export function behavesAsAPetRepository(open: () => Promise<PetRepositorySubject>): void {
  let subject: PetRepositorySubject
  let pets: PetRepository

  beforeAll(async () => {
    subject = await open()
    pets = subject.repository
  })
  beforeEach(() => subject.reset())
  afterAll(() => subject?.close())

  it('gives back what it was given, with an id and timestamps', async () => {
    const added = await pets.add(aPet)

    expect(added).toMatchObject(aPet)
    expect(added.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(added.createdAt).toBeInstanceOf(Date)
    expect(await pets.get(added.id)).toEqual(added)
  })

  it('stores a left-out optional field as null', async () => {
    const added = await pets.add(anotherPet)

    expect(added).toMatchObject({ description: null })
  })

  it('has nothing for an id it never gave', async () => {
    expect(await pets.get('00000000-0000-4000-8000-000000000000')).toBeUndefined()
  })

  it('changes only the fields a change names', async () => {
    const added = await pets.add(aPet)

    const changed = await pets.update(added.id, { name: 'Beta' })

    expect(changed).toEqual({
      ...added,
      name: 'Beta',
      updatedAt: expect.any(Date),
    })
    expect(await pets.get(added.id)).toEqual(changed)
  })

  it('clears an optional field changed to null', async () => {
    const added = await pets.add(aPet)

    const changed = await pets.update(added.id, { description: null })

    expect(changed?.description).toBeNull()
  })

  it('changes nothing for an id it never gave', async () => {
    expect(await pets.update('00000000-0000-4000-8000-000000000000', aPet)).toBeUndefined()
  })

  it('removes, and says whether there was anything to remove', async () => {
    const added = await pets.add(aPet)

    expect(await pets.remove(added.id)).toBe(true)
    expect(await pets.get(added.id)).toBeUndefined()
    expect(await pets.remove(added.id)).toBe(false)
  })

  it('lists everything once, oldest first, a page at a time', async () => {
    const added = []
    for (let i = 0; i < 5; i++)
      added.push(await pets.add({ ...(i % 2 ? aPet : anotherPet), name: `Pet ${i}` }))

    const first = await pets.list({}, { limit: 2 })
    const second = await pets.list({}, { limit: 2, after: first.nextCursor ?? '' })
    const last = await pets.list({}, { limit: 2, after: second.nextCursor ?? '' })

    expect([...first.items, ...second.items, ...last.items].map((pet) => pet.id)).toEqual(
      added.map((pet) => pet.id),
    )
    expect(last.nextCursor).toBeNull()
  })

  it('lists only those with the name asked for', async () => {
    const wanted = await pets.add(aPet)
    await pets.add(anotherPet)

    const { items } = await pets.list({ name: aPet.name }, { limit: 10 })

    expect(items.map((pet) => pet.id)).toEqual([wanted.id])
  })

  it('lists only those with the owner asked for', async () => {
    const wanted = await pets.add(aPet)
    await pets.add(anotherPet)

    const { items } = await pets.list({ owner: aPet.owner }, { limit: 10 })

    expect(items.map((pet) => pet.id)).toEqual([wanted.id])
  })

  it('lists only those with the species asked for', async () => {
    const wanted = await pets.add(aPet)
    await pets.add(anotherPet)

    const { items } = await pets.list({ species: aPet.species }, { limit: 10 })

    expect(items.map((pet) => pet.id)).toEqual([wanted.id])
  })

  it('gives a pet to a new owner, keeping everything else', async () => {
    const rex = await pets.add(aPet)

    const adopted = await pets.transfer(rex.id, 'carol')

    expect(adopted).toEqual({ ...rex, owner: 'carol', updatedAt: expect.any(Date) })
    expect(await pets.transfer('00000000-0000-4000-8000-000000000000', 'carol')).toBeUndefined()
  })

  it('never lets an owner have two pets of one name, however the second would arrive', async () => {
    const rex = await pets.add(aPet)
    const tom = await pets.add(anotherPet)
    const alicesTom = await pets.add({ ...anotherPet, owner: aPet.owner })

    await expect(pets.add(aPet)).rejects.toThrow(PetConflict)
    await expect(pets.update(alicesTom.id, { name: rex.name })).rejects.toThrow(PetConflict)
    await expect(pets.transfer(tom.id, aPet.owner)).rejects.toThrow(PetConflict)
    expect((await pets.list({ owner: aPet.owner }, { limit: 10 })).items).toEqual([rex, alicesTom])
  })
}
