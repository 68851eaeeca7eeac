import { type RawBuilder, type SqlBool, sql } from 'kysely'
import type { CursorValue } from '../domain/list-query.js'

/** A column a list is ordered by, which way, and whether it is text compared byte by byte. */
export interface OrderColumn {
  readonly column: string
  readonly collated: boolean
  readonly descending: boolean
}

const byId: OrderColumn = { column: 'id', collated: false, descending: false }

/** The ORDER BY of a list: its sort columns, then id, so that the order is total. */
export function orderOf(columns: readonly OrderColumn[]): RawBuilder<unknown> {
  return sql.join([...columns, byId].map((column) => sql`${operand(column)} ${sql.raw(direction(column))}`))
}

/**
 * The rows that come after the one a cursor was made from, in that order: beyond it in the first
 * column, or equal there and beyond it in the next, and so on, down to id. Each column is
 * compared the way it is ordered, ascending or descending.
 */
export function keysetAfter(
  columns: readonly OrderColumn[],
  values: readonly CursorValue[],
): RawBuilder<SqlBool> {
  const all = [...columns, byId]
  const branches = all.map((column, index) => {
    const equal = all.slice(0, index).map((before, at) => sql`${operand(before)} = ${values[at]}`)
    const beyond = sql`${operand(column)} ${sql.raw(column.descending ? '<' : '>')} ${values[index]}`
    return sql`(${sql.join([...equal, beyond], sql` and `)})`
  })
  return sql<SqlBool>`(${sql.join(branches, sql` or `)})`
}

function operand({ column, collated }: OrderColumn): RawBuilder<unknown> {
  return collated ? sql`${sql.ref(column)} collate "C"` : sql`${sql.ref(column)}`
}

const direction = ({ descending }: OrderColumn) => (descending ? 'desc' : 'asc')
