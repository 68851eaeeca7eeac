import { RuleViolationError } from './errors.js'

/** What a list may ask of one field: a value, bounds (both inclusive), or values it must be one of. */
export interface Condition<Value> {
  readonly eq?: Value
  readonly gte?: Value
  readonly lte?: Value
  readonly in?: readonly Value[]
}

/** A field a list is ordered by. Ties are broken by id, oldest first, so every order is total. */
export interface SortKey<Field extends string> {
  readonly field: Field
  readonly descending?: boolean
}

/** A value as a cursor keeps it: instants as their ISO 8601 text, which orders as they do. */
export type CursorValue = string | number | boolean

export const cursorValueOf = (value: CursorValue | Date): CursorValue =>
  value instanceof Date ? value.toISOString() : value

/** A cursor this service did not give, or gave for another order. */
export class CursorInvalid extends RuleViolationError {
  readonly code = 'LIST.CURSOR_INVALID'

  constructor() {
    super('cursor is not one this list gave: ask for the first page again', {
      field: 'cursor',
      in: 'querystring',
    })
  }
}

/**
 * The cursor after an item: the values of its sort fields and its id, as opaque text. A list
 * resumes from it however the items around it changed, with the same order and filter.
 */
export function cursorAfter<Item extends { readonly id: string }, Field extends string & keyof Item>(
  item: Item,
  sort: readonly SortKey<Field>[],
): string {
  const values = [...sort.map((key) => cursorValueOf(item[key.field] as CursorValue | Date)), item.id]
  return Buffer.from(JSON.stringify(values)).toString('base64url')
}

/** The values a cursor holds: one per sort field, then the id. */
export function cursorValues(cursor: string, sortLength: number): CursorValue[] {
  let values: unknown
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw new CursorInvalid()
  }
  const scalar = (value: unknown) => ['string', 'number', 'boolean'].includes(typeof value)
  if (!Array.isArray(values) || values.length !== sortLength + 1 || !values.every(scalar)) {
    throw new CursorInvalid()
  }
  if (typeof values.at(-1) !== 'string') throw new CursorInvalid()
  return values
}
