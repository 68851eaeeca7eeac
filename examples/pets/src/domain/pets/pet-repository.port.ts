import type { Page, PageRequest } from '../page.js'
import type { Pet, PetChanges, PetDraft, PetListQuery } from './pet.js'

/**
 * Where pets are kept. Implemented by a gateway; faked in memory by tests.
 * Every method that writes rejects with PetNameTaken rather than give an owner two pets of one name.
 */
export interface PetRepository {
  /** Pets matching the filter, in the order asked for (oldest first by default). */
  list(query: PetListQuery, page: PageRequest): Promise<Page<Pet>>
  get(id: string): Promise<Pet | undefined>
  add(draft: PetDraft): Promise<Pet>
  /** The changed pet, or undefined when none has this id. */
  update(id: string, changes: PetChanges): Promise<Pet | undefined>
  /** The pet with its new owner, or undefined when none has this id. */
  transfer(id: string, ownerId: string): Promise<Pet | undefined>
  /** Whether a pet with this id existed. */
  remove(id: string): Promise<boolean>
}
