import { PetAlreadyOwned, PetInvalid } from './pet.errors.js'

/** What it takes to add a pet. */
export interface PetDraft {
  readonly name: string
  readonly owner: string
  readonly description?: string | null
  readonly species: 'dog' | 'cat' | 'bird' | 'other'
}

/**
 * A change to some of a pet's fields; `null` clears an optional one. The owner is not among
 * them: a pet changes hands only through adoption.
 */
export type PetChanges = Partial<Omit<PetDraft, 'owner'>>

export interface Pet {
  readonly id: string
  readonly name: string
  readonly owner: string
  readonly description: string | null
  readonly species: 'dog' | 'cat' | 'bird' | 'other'
  readonly createdAt: Date
  readonly updatedAt: Date
}

/** The fields a list of pets can be narrowed by, each matched exactly. */
export type PetFilter = Partial<Pick<Pet, 'name' | 'owner' | 'species'>>

/** The rules every new pet obeys: text is stored trimmed, and required text is never blank. */
export function checkPetDraft(draft: PetDraft): PetDraft {
  return { ...draft, ...checkPetChanges(draft), owner: nonBlank(draft.owner, 'owner') }
}

/** The same rules, for the fields a change touches. */
export function checkPetChanges(changes: PetChanges): PetChanges {
  return {
    ...changes,
    ...(changes.name !== undefined ? { name: nonBlank(changes.name, 'name') } : {}),
    ...(changes.description != null ? { description: changes.description.trim() || null } : {}),
  }
}

/** The owner a pet goes to on adoption: someone, and someone other than its owner now. */
export function checkAdoption(pet: Pet, newOwner: string): string {
  const owner = nonBlank(newOwner, 'owner')
  if (owner === pet.owner) throw new PetAlreadyOwned(pet.name, owner)
  return owner
}

function nonBlank(value: string, field: keyof PetDraft): string {
  const trimmed = value.trim()
  if (trimmed === '') throw new PetInvalid(`${field} must not be blank`, { field })
  return trimmed
}
