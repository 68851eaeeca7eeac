import type { Condition, SortKey } from '../domain/list-query.js'

/** A condition of the parts a query string gave, or none when it gave none. */
export function conditionOf<Value>(parts: Condition<Value>): Condition<Value> | undefined {
  const given = Object.entries(parts).filter(([, value]) => value !== undefined)
  return given.length > 0 ? (Object.fromEntries(given) as Condition<Value>) : undefined
}

/** `?sort=name,-createdAt` as sort keys; the schema has checked that each part names a field. */
export function sortKeysOf<Field extends string>(sort: string | undefined): SortKey<Field>[] {
  return (sort ?? '')
    .split(',')
    .filter(Boolean)
    .map((part) =>
      part.startsWith('-') ? { field: part.slice(1) as Field, descending: true } : { field: part as Field },
    )
}
