import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
import { CursorInvalid } from '../../src/domain/list-query.js'
import { PetNameTaken } from '../../src/domain/pets/pet.errors.js'
import type { PetDraft } from '../../src/domain/pets/pet.js'
import type { PetRepository } from '../../src/domain/pets/pet-repository.port.js'
import { anotherPet, aPet, type PetReferences } from '../fixtures/pets.js'

export interface PetRepositorySubject {
  readonly repository: PetRepository
  /** Stores what a pet refers to, and gives their ids. */
  references(): Promise<PetReferences>
  /** Removes what a reference points to, through its own repository. */
  readonly removeReferenced: {
    readonly owner: (id: string) => Promise<boolean>
  }
  /** Forgets every pet. */
  reset(): Promise<void>
  close(): Promise<void>
}

/** What every PetRepository does, whatever keeps the pets: the gateway and the fake alike. */
export function behavesAsAPetRepository(open: () => Promise<PetRepositorySubject>): void {
  let subject: PetRepositorySubject
  let pets: PetRepository
  let references: PetReferences
  /** An example as it can be stored: referring to what this test stored first. */
  const draft = (example: PetDraft): PetDraft => ({ ...example, ...references })

  beforeAll(async () => {
    subject = await open()
    pets = subject.repository
  })
  beforeEach(async () => {
    await subject.reset()
    references = await subject.references()
  })
  afterAll(() => subject?.close())

  it('gives back what it was given, with an id and timestamps', async () => {
    const added = await pets.add(draft(aPet))

    expect(added).toMatchObject(draft(aPet))
    expect(added.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(added.createdAt).toBeInstanceOf(Date)
    expect(await pets.get(added.id)).toEqual(added)
  })

  it('stores a left-out optional field as null', async () => {
    const added = await pets.add(draft(anotherPet))

    expect(added).toMatchObject({ description: null })
  })

  it('has nothing for an id it never gave', async () => {
    expect(await pets.get('00000000-0000-4000-8000-000000000000')).toBeUndefined()
  })

  it('changes only the fields a change names', async () => {
    const added = await pets.add(draft(aPet))

    const changed = await pets.update(added.id, { name: 'Beta' })

    expect(changed).toEqual({
      ...added,
      name: 'Beta',
      updatedAt: expect.any(Date),
    })
    expect(await pets.get(added.id)).toEqual(changed)
  })

  it('clears an optional field changed to null', async () => {
    const added = await pets.add(draft(aPet))

    const changed = await pets.update(added.id, { description: null })

    expect(changed?.description).toBeNull()
  })

  it('changes nothing for an id it never gave', async () => {
    expect(await pets.update('00000000-0000-4000-8000-000000000000', aPet)).toBeUndefined()
  })

  it('removes, and says whether there was anything to remove', async () => {
    const added = await pets.add(draft(aPet))

    expect(await pets.remove(added.id)).toBe(true)
    expect(await pets.get(added.id)).toBeUndefined()
    expect(await pets.remove(added.id)).toBe(false)
  })

  it('lists everything once, oldest first, a page at a time', async () => {
    const added = []
    for (let i = 0; i < 5; i++)
      added.push(await pets.add(draft({ ...(i % 2 ? aPet : anotherPet), name: `Pet ${i}` })))

    const first = await pets.list({}, { limit: 2 })
    const second = await pets.list({}, { limit: 2, after: first.nextCursor ?? '' })
    const last = await pets.list({}, { limit: 2, after: second.nextCursor ?? '' })

    expect([...first.items, ...second.items, ...last.items].map((pet) => pet.id)).toEqual(
      added.map((pet) => pet.id),
    )
    expect(last.nextCursor).toBeNull()
  })

  it('lists only those with the name asked for', async () => {
    const wanted = await pets.add(draft(aPet))
    await pets.add(draft(anotherPet))

    const { items } = await pets.list({ filter: { name: { eq: 'Alpha' } } }, { limit: 10 })

    expect(items.map((pet) => pet.id)).toEqual([wanted.id])
  })

  it('lists only those with the species asked for', async () => {
    const wanted = await pets.add(draft(aPet))
    await pets.add(draft(anotherPet))

    const { items } = await pets.list({ filter: { species: { eq: 'dog' } } }, { limit: 10 })

    expect(items.map((pet) => pet.id)).toEqual([wanted.id])
  })

  it('lists only those with species one of those asked for', async () => {
    const wanted = await pets.add(draft(aPet))
    await pets.add(draft({ ...aPet, name: 'Beta', species: 'cat' }))

    const { items } = await pets.list({ filter: { species: { in: ['dog'] } } }, { limit: 10 })
    const none = await pets.list({ filter: { species: { in: [] } } }, { limit: 10 })

    expect(items.map((pet) => pet.id)).toEqual([wanted.id])
    expect(none.items).toEqual([])
  })

  it('orders by name, descending, and pages through that order with its cursors', async () => {
    for (let i = 0; i < 5; i++) await pets.add(draft({ ...(i % 2 ? aPet : anotherPet), name: `Pet ${i}` }))
    const sort = [{ field: 'name', descending: true }] as const

    const whole = await pets.list({ sort }, { limit: 100 })
    const paged = []
    let after: string | undefined
    do {
      const page = await pets.list({ sort }, { limit: 2, ...(after === undefined ? {} : { after }) })
      paged.push(...page.items)
      after = page.nextCursor ?? undefined
    } while (after !== undefined)

    expect(paged.map((pet) => pet.id)).toEqual(whole.items.map((pet) => pet.id))
    const keys = whole.items.map((pet) => pet.name as unknown as string)
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)))
    expect(whole.items).toHaveLength(5)
  })

  it('refuses a cursor it did not give, or gave for another order', async () => {
    await pets.add(draft(aPet))
    await pets.add(draft(anotherPet))
    const { nextCursor } = await pets.list({}, { limit: 1 })

    await expect(pets.list({}, { limit: 1, after: 'bm90IGEgY3Vyc29y' })).rejects.toThrow(CursorInvalid)
    await expect(
      pets.list({ sort: [{ field: 'createdAt' }] }, { limit: 1, after: nextCursor ?? '' }),
    ).rejects.toThrow(CursorInvalid)
  })

  it('refuses a pet whose owner does not exist, naming ownerId', async () => {
    const orphan = { ...draft(aPet), ownerId: '0195d6c2-0000-7000-8000-0000000000ff' }

    await expect(pets.add(orphan)).rejects.toMatchObject({
      code: 'PET.INVALID',
      details: { field: 'ownerId' },
    })
  })

  it('keeps its owner from being removed', async () => {
    await pets.add(draft(aPet))

    await expect(subject.removeReferenced.owner(references.ownerId ?? '')).rejects.toMatchObject({
      code: 'OWNER.CONFLICT',
    })
  })

  it('gives a pet to a new owner, keeping everything else', async () => {
    const rex = await pets.add(draft(aPet))
    const { ownerId: carol } = await subject.references()

    const adopted = await pets.transfer(rex.id, carol)

    expect(adopted).toEqual({ ...rex, ownerId: carol, updatedAt: expect.any(Date) })
    expect(await pets.transfer('00000000-0000-4000-8000-000000000000', carol)).toBeUndefined()
  })

  it('refuses to give a pet to an owner who does not exist, naming ownerId', async () => {
    const rex = await pets.add(draft(aPet))

    await expect(pets.transfer(rex.id, '0195d6c2-0000-7000-8000-0000000000ff')).rejects.toMatchObject({
      code: 'PET.INVALID',
      details: { field: 'ownerId' },
    })
  })

  it('never lets an owner have two pets of one name, however the second would arrive', async () => {
    const { ownerId: bob } = await subject.references()
    const rex = await pets.add(draft(aPet))
    const tom = await pets.add({ ...anotherPet, ownerId: bob })
    const alicesTom = await pets.add(draft(anotherPet))

    await expect(pets.add(draft(aPet))).rejects.toThrow(new PetNameTaken(references.ownerId, rex.name))
    await expect(pets.update(alicesTom.id, { name: rex.name })).rejects.toThrow(
      new PetNameTaken(references.ownerId, rex.name),
    )
    await expect(pets.transfer(tom.id, references.ownerId)).rejects.toThrow(
      new PetNameTaken(references.ownerId, tom.name),
    )
    expect(
      (await pets.list({ filter: { ownerId: { eq: references.ownerId } } }, { limit: 10 })).items,
    ).toEqual([rex, alicesTom])
  })
}
