import { randomUUID } from 'node:crypto'
import { OwnerConflict } from '../../src/domain/owners/owner.errors.js'
import type { Owner } from '../../src/domain/owners/owner.js'
import type { OwnerRepository } from '../../src/domain/owners/owner-repository.port.js'
import { listOf } from './list-query.js'
import { type Memory, newMemory, removeFrom, tableIn } from './memory.js'

/**
 * Owners kept in memory, for use-case tests that need no database. The repository
 * contract (test/contracts) holds it to the same behaviour as the real gateway. Fakes made on
 * one memory see each other's items, as gateways on one database do.
 */
export function createFakeOwnerRepository(memory: Memory = newMemory()): OwnerRepository & { clear(): void } {
  const owners = tableIn<Owner>(memory, 'owners')
  let sequence = 0
  // Increasing ids, as UUIDv7 are: listing by id lists oldest first.
  const nextId = () => `${(++sequence).toString(16).padStart(8, '0')}${randomUUID().slice(8)}`

  return {
    clear: () => owners.clear(),

    list: async (query, page) => listOf(owners.values(), query, page),

    get: async (id) => owners.get(id),

    async add(draft) {
      const now = new Date()
      const owner: Owner = {
        id: nextId(),
        name: draft.name,
        email: draft.email ?? null,
        createdAt: now,
        updatedAt: now,
      }
      owners.set(owner.id, owner)
      return owner
    },

    async update(id, changes) {
      const current = owners.get(id)
      if (!current) return undefined
      const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined))
      const updated: Owner = { ...current, ...defined, updatedAt: new Date() }
      owners.set(id, updated)
      return updated
    },

    async remove(id) {
      const outcome = removeFrom(memory, 'owners', id)
      if (outcome === 'referenced') throw new OwnerConflict('the owner is still referred to')
      return outcome === 'removed'
    },
  }
}
