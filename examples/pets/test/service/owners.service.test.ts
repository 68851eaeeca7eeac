import { beforeEach, describe, expect, it } from 'vitest'
import { OwnerNotFound } from '../../src/domain/owners/owner.errors.js'
import type { OwnerDraft } from '../../src/domain/owners/owner.js'
import { createOwnersService } from '../../src/service/owners.service.js'
import { newMemory } from '../fakes/memory.js'
import { createFakeOwnerRepository } from '../fakes/owners.fake.js'
import { anotherOwner, aOwner, type OwnerReferences } from '../fixtures/owners.js'

const unknownId = '00000000-0000-4000-8000-000000000000'

describe('the owners service', () => {
  const memory = newMemory()
  const owners = createOwnersService(createFakeOwnerRepository(memory))
  let references: OwnerReferences
  const draft = (example: OwnerDraft): OwnerDraft => ({ ...example, ...references })
  beforeEach(async () => {
    for (const table of memory.tables.values()) table.clear()
    references = {}
  })

  it('adds an owner and gets it back by id', async () => {
    const added = await owners.addOwner(draft(aOwner))

    expect(await owners.getOwner(added.id)).toEqual(added)
  })

  it('applies the owner rules before anything is stored', async () => {
    await expect(owners.addOwner(draft({ ...aOwner, name: ' ' }))).rejects.toThrow('must not be blank')
    expect((await owners.listOwners({}, { limit: 10 })).items).toEqual([])
  })

  it('says which owner does not exist', async () => {
    await expect(owners.getOwner(unknownId)).rejects.toThrow(new OwnerNotFound(unknownId))
    await expect(owners.updateOwner(unknownId, aOwner)).rejects.toThrow(OwnerNotFound)
    await expect(owners.deleteOwner(unknownId)).rejects.toThrow(OwnerNotFound)
  })

  it('updates an owner', async () => {
    const added = await owners.addOwner(draft(aOwner))

    const updated = await owners.updateOwner(added.id, { name: 'Beta' })

    expect(updated.name).toEqual('Beta')
  })

  it('deletes an owner, which then no longer exists', async () => {
    const added = await owners.addOwner(draft(aOwner))

    await owners.deleteOwner(added.id)

    await expect(owners.getOwner(added.id)).rejects.toThrow(OwnerNotFound)
  })

  it('lists owners a page at a time', async () => {
    const first = await owners.addOwner(draft(aOwner))
    const second = await owners.addOwner(draft(anotherOwner))

    const page = await owners.listOwners({}, { limit: 1 })
    const next = await owners.listOwners({}, { limit: 1, after: page.nextCursor ?? '' })

    expect([page.items, next.items]).toEqual([[first], [second]])
  })
})
