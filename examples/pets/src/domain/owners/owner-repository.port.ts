import type { Page, PageRequest } from '../page.js'
import type { Owner, OwnerChanges, OwnerDraft, OwnerListQuery } from './owner.js'

/** Where owners are kept. Implemented by a gateway; faked in memory by tests. */
export interface OwnerRepository {
  /** Owners matching the filter, in the order asked for (oldest first by default). */
  list(query: OwnerListQuery, page: PageRequest): Promise<Page<Owner>>
  get(id: string): Promise<Owner | undefined>
  add(draft: OwnerDraft): Promise<Owner>
  /** The changed owner, or undefined when none has this id. */
  update(id: string, changes: OwnerChanges): Promise<Owner | undefined>
  /** Whether an owner with this id existed. */
  remove(id: string): Promise<boolean>
}
