import type { Condition, SortKey } from '../list-query.js'
import { OwnerInvalid } from './owner.errors.js'

/** What it takes to add an owner. */
export interface OwnerDraft {
  readonly name: string
  readonly email?: string | null
}

/** A change to some of an owner's fields; `null` clears an optional one. */
export type OwnerChanges = Partial<OwnerDraft>

export interface Owner {
  readonly id: string
  readonly name: string
  readonly email: string | null
  readonly createdAt: Date
  readonly updatedAt: Date
}

/** What a list of owners can be narrowed by: each condition holds for every item listed. */
export interface OwnerFilter {
  readonly name?: Condition<string>
  readonly email?: Condition<string>
}

/** The fields a list of owners can be ordered by. */
export const ownerSortFields = ['name', 'createdAt', 'updatedAt'] as const
export type OwnerSortField = (typeof ownerSortFields)[number]

export interface OwnerListQuery {
  readonly filter?: OwnerFilter
  /** By id, oldest first, when empty. */
  readonly sort?: readonly SortKey<OwnerSortField>[]
}

/** The rules every new owner obeys: text is stored trimmed, and required text is never blank. */
export function checkOwnerDraft(draft: OwnerDraft): OwnerDraft {
  return { ...draft, ...checkOwnerChanges(draft) }
}

/** The same rules, for the fields a change touches. */
export function checkOwnerChanges(changes: OwnerChanges): OwnerChanges {
  return {
    ...changes,
    ...(changes.name !== undefined ? { name: nonBlank(changes.name, 'name') } : {}),
    ...(changes.email != null ? { email: changes.email.trim() || null } : {}),
  }
}

function nonBlank(value: string, field: keyof OwnerDraft): string {
  const trimmed = value.trim()
  if (trimmed === '') throw new OwnerInvalid(`${field} must not be blank`, { field })
  return trimmed
}
