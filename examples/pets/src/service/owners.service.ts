import { OwnerNotFound } from '../domain/owners/owner.errors.js'
import {
  checkOwnerChanges,
  checkOwnerDraft,
  type Owner,
  type OwnerChanges,
  type OwnerDraft,
  type OwnerListQuery,
} from '../domain/owners/owner.js'
import type { OwnerRepository } from '../domain/owners/owner-repository.port.js'
import type { Page, PageRequest } from '../domain/page.js'

/** The operations on owners, whatever the protocol that asks for them. */
export interface OwnersService {
  listOwners(query: OwnerListQuery, page: PageRequest): Promise<Page<Owner>>
  getOwner(id: string): Promise<Owner>
  addOwner(draft: OwnerDraft): Promise<Owner>
  updateOwner(id: string, changes: OwnerChanges): Promise<Owner>
  deleteOwner(id: string): Promise<void>
}

export function createOwnersService(owners: OwnerRepository): OwnersService {
  return {
    listOwners: (query, page) => owners.list(query, page),

    async getOwner(id) {
      return (await owners.get(id)) ?? notFound(id)
    },

    async addOwner(draft) {
      return owners.add(checkOwnerDraft(draft))
    },

    async updateOwner(id, changes) {
      return (await owners.update(id, checkOwnerChanges(changes))) ?? notFound(id)
    },

    async deleteOwner(id) {
      if (!(await owners.remove(id))) notFound(id)
    },
  }
}

function notFound(id: string): never {
  throw new OwnerNotFound(id)
}
