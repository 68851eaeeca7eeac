import type { Condition, SortKey } from '../list-query.js'
import { PetAlreadyOwned, PetInvalid } from './pet.errors.js'

/** The species a pet may have: migrations copy these values into their CHECK constraints. */
export const petSpecies = ['dog', 'cat', 'bird', 'other'] as const
export type PetSpecies = (typeof petSpecies)[number]

/** What it takes to add a pet. */
export interface PetDraft {
  readonly name: string
  readonly ownerId: string
  readonly description?: string | null
  readonly species: PetSpecies
}

/**
 * A change to some of a pet's fields; `null` clears an optional one. The owner is not among
 * them: a pet changes hands only through adoption.
 */
export type PetChanges = Partial<Omit<PetDraft, 'ownerId'>>

export interface Pet {
  readonly id: string
  readonly name: string
  readonly ownerId: string
  readonly description: string | null
  readonly species: PetSpecies
  readonly createdAt: Date
  readonly updatedAt: Date
}

/** What a list of pets can be narrowed by: each condition holds for every item listed. */
export interface PetFilter {
  readonly name?: Condition<string>
  readonly ownerId?: Condition<string>
  readonly species?: Condition<PetSpecies>
}

/** The fields a list of pets can be ordered by. */
export const petSortFields = ['name', 'species', 'createdAt', 'updatedAt'] as const
export type PetSortField = (typeof petSortFields)[number]

export interface PetListQuery {
  readonly filter?: PetFilter
  /** By id, oldest first, when empty. */
  readonly sort?: readonly SortKey<PetSortField>[]
}

/** The rules every new pet obeys: text is stored trimmed, and required text is never blank. */
export function checkPetDraft(draft: PetDraft): PetDraft {
  return { ...draft, ...checkPetChanges(draft) }
}

/** The same rules, for the fields a change touches. */
export function checkPetChanges(changes: PetChanges): PetChanges {
  return {
    ...changes,
    ...(changes.name !== undefined ? { name: nonBlank(changes.name, 'name') } : {}),
    ...(changes.description != null ? { description: changes.description.trim() || null } : {}),
  }
}

/** The owner a pet goes to on adoption: someone other than its owner now. */
export function checkAdoption(pet: Pet, newOwnerId: string): string {
  if (newOwnerId === pet.ownerId) throw new PetAlreadyOwned(pet.name, newOwnerId)
  return newOwnerId
}

function nonBlank(value: string, field: keyof PetDraft): string {
  const trimmed = value.trim()
  if (trimmed === '') throw new PetInvalid(`${field} must not be blank`, { field })
  return trimmed
}
