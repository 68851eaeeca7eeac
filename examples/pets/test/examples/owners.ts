import type { OwnerDraft } from '../../src/domain/owners/owner.js'

/** An owner with every field set. */
export const aOwner: OwnerDraft = {
  name: 'Alpha',
  email: 'Alpha',
}

/** Another owner, different in every field, with its optional fields left out. */
export const anotherOwner: OwnerDraft = {
  name: 'Beta',
}

/** The ids of what an owner refers to: each test stores those first, and puts their ids in. */
export type OwnerReferences = Record<never, never>
