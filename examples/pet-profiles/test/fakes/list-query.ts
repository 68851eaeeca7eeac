import {
  type Condition,
  type CursorValue,
  cursorAfter,
  cursorValueOf,
  cursorValues,
  type SortKey,
} from '../../src/domain/list-query.js'
import type { Page, PageRequest } from '../../src/domain/page.js'

type Item = { readonly id: string }
type Value = CursorValue | Date | null | undefined

const fieldOf = (item: Item, field: string) => (item as unknown as Readonly<Record<string, Value>>)[field]

/**
 * A list as the gateways make it, over items in memory: the same conditions (a missing value
 * meets none, as NULL meets none in SQL), the same order (sort fields, then id; text as bytes
 * compare, as COLLATE "C" does) and the same cursors.
 */
export function listOf<T extends Item, Field extends string & keyof T>(
  items: Iterable<T>,
  query: { readonly filter?: object; readonly sort?: readonly SortKey<Field>[] },
  { limit, after }: PageRequest,
): Page<T> {
  const sort = query.sort ?? []
  const keys = (item: T): CursorValue[] => [
    ...sort.map((key) => cursorValueOf(fieldOf(item, key.field) as CursorValue)),
    item.id,
  ]
  const directions = [...sort.map((key) => (key.descending ? -1 : 1)), 1]
  const compare = (a: readonly CursorValue[], b: readonly CursorValue[]) => {
    for (const [index, direction] of directions.entries()) {
      const order = orderOf(a[index] as CursorValue, b[index] as CursorValue)
      if (order !== 0) return order * direction
    }
    return 0
  }
  const start = after === undefined ? undefined : cursorValues(after, sort.length)
  const matching = [...items]
    .filter((item) => meets(item, query.filter ?? {}))
    .filter((item) => start === undefined || compare(keys(item), start) > 0)
    .sort((a, b) => compare(keys(a), keys(b)))
  const page = matching.slice(0, limit)
  const last = page.at(-1)
  return { items: page, nextCursor: matching.length > limit && last ? cursorAfter(last, sort) : null }
}

function meets(item: Item, filter: object): boolean {
  const conditions = Object.entries(filter) as [string, Condition<unknown> | undefined][]
  return conditions.every(([field, condition]) => {
    if (!condition) return true
    const value = fieldOf(item, field)
    if (value === null || value === undefined) return false
    const held = cursorValueOf(value)
    const as = (bound: unknown) => cursorValueOf(bound as CursorValue)
    return (
      (condition.eq === undefined || held === as(condition.eq)) &&
      (condition.gte === undefined || orderOf(held, as(condition.gte)) >= 0) &&
      (condition.lte === undefined || orderOf(held, as(condition.lte)) <= 0) &&
      (condition.in === undefined || condition.in.some((one) => held === as(one)))
    )
  })
}

function orderOf(a: CursorValue, b: CursorValue): number {
  return a < b ? -1 : a > b ? 1 : 0
}
