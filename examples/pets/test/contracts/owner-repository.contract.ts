import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
import { CursorInvalid } from '../../src/domain/list-query.js'
import type { OwnerDraft } from '../../src/domain/owners/owner.js'
import type { OwnerRepository } from '../../src/domain/owners/owner-repository.port.js'
import { anotherOwner, aOwner, type OwnerReferences } from '../fixtures/owners.js'

export interface OwnerRepositorySubject {
  readonly repository: OwnerRepository
  /** Stores what an owner refers to, and gives their ids. */
  references(): Promise<OwnerReferences>
  /** Forgets every owner. */
  reset(): Promise<void>
  close(): Promise<void>
}

/** What every OwnerRepository does, whatever keeps the owners: the gateway and the fake alike. */
export function behavesAsAOwnerRepository(open: () => Promise<OwnerRepositorySubject>): void {
  let subject: OwnerRepositorySubject
  let owners: OwnerRepository
  let references: OwnerReferences
  /** An example as it can be stored: referring to what this test stored first. */
  const draft = (example: OwnerDraft): OwnerDraft => ({ ...example, ...references })

  beforeAll(async () => {
    subject = await open()
    owners = subject.repository
  })
  beforeEach(async () => {
    await subject.reset()
    references = await subject.references()
  })
  afterAll(() => subject?.close())

  it('gives back what it was given, with an id and timestamps', async () => {
    const added = await owners.add(draft(aOwner))

    expect(added).toMatchObject(draft(aOwner))
    expect(added.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(added.createdAt).toBeInstanceOf(Date)
    expect(await owners.get(added.id)).toEqual(added)
  })

  it('stores a left-out optional field as null', async () => {
    const added = await owners.add(draft(anotherOwner))

    expect(added).toMatchObject({ email: null })
  })

  it('has nothing for an id it never gave', async () => {
    expect(await owners.get('00000000-0000-4000-8000-000000000000')).toBeUndefined()
  })

  it('changes only the fields a change names', async () => {
    const added = await owners.add(draft(aOwner))

    const changed = await owners.update(added.id, { name: 'Beta' })

    expect(changed).toEqual({
      ...added,
      name: 'Beta',
      updatedAt: expect.any(Date),
    })
    expect(await owners.get(added.id)).toEqual(changed)
  })

  it('clears an optional field changed to null', async () => {
    const added = await owners.add(draft(aOwner))

    const changed = await owners.update(added.id, { email: null })

    expect(changed?.email).toBeNull()
  })

  it('changes nothing for an id it never gave', async () => {
    expect(await owners.update('00000000-0000-4000-8000-000000000000', aOwner)).toBeUndefined()
  })

  it('removes, and says whether there was anything to remove', async () => {
    const added = await owners.add(draft(aOwner))

    expect(await owners.remove(added.id)).toBe(true)
    expect(await owners.get(added.id)).toBeUndefined()
    expect(await owners.remove(added.id)).toBe(false)
  })

  it('lists everything once, oldest first, a page at a time', async () => {
    const added = []
    for (let i = 0; i < 5; i++) added.push(await owners.add(draft(i % 2 ? aOwner : anotherOwner)))

    const first = await owners.list({}, { limit: 2 })
    const second = await owners.list({}, { limit: 2, after: first.nextCursor ?? '' })
    const last = await owners.list({}, { limit: 2, after: second.nextCursor ?? '' })

    expect([...first.items, ...second.items, ...last.items].map((owner) => owner.id)).toEqual(
      added.map((owner) => owner.id),
    )
    expect(last.nextCursor).toBeNull()
  })

  it('lists only those with the name asked for', async () => {
    const wanted = await owners.add(draft(aOwner))
    await owners.add(draft(anotherOwner))

    const { items } = await owners.list({ filter: { name: { eq: 'Alpha' } } }, { limit: 10 })

    expect(items.map((owner) => owner.id)).toEqual([wanted.id])
  })

  it('lists only those with the email asked for', async () => {
    const wanted = await owners.add(draft(aOwner))
    await owners.add(draft(anotherOwner))

    const { items } = await owners.list({ filter: { email: { eq: 'Alpha' } } }, { limit: 10 })

    expect(items.map((owner) => owner.id)).toEqual([wanted.id])
  })

  it('orders by name, descending, and pages through that order with its cursors', async () => {
    for (let i = 0; i < 5; i++) await owners.add(draft(i % 2 ? aOwner : anotherOwner))
    const sort = [{ field: 'name', descending: true }] as const

    const whole = await owners.list({ sort }, { limit: 100 })
    const paged = []
    let after: string | undefined
    do {
      const page = await owners.list({ sort }, { limit: 2, ...(after === undefined ? {} : { after }) })
      paged.push(...page.items)
      after = page.nextCursor ?? undefined
    } while (after !== undefined)

    expect(paged.map((owner) => owner.id)).toEqual(whole.items.map((owner) => owner.id))
    const keys = whole.items.map((owner) => owner.name as unknown as string)
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)))
    expect(whole.items).toHaveLength(5)
  })

  it('refuses a cursor it did not give, or gave for another order', async () => {
    await owners.add(draft(aOwner))
    await owners.add(draft(anotherOwner))
    const { nextCursor } = await owners.list({}, { limit: 1 })

    await expect(owners.list({}, { limit: 1, after: 'bm90IGEgY3Vyc29y' })).rejects.toThrow(CursorInvalid)
    await expect(
      owners.list({ sort: [{ field: 'createdAt' }] }, { limit: 1, after: nextCursor ?? '' }),
    ).rejects.toThrow(CursorInvalid)
  })
}
