import { type Kysely, type Selectable, sql } from 'kysely'
import { v7 as newId } from 'uuid'
import type { OwnersTable } from '../clients/database/owners.table.js'
import type { Tables } from '../clients/database/tables.js'
import { cursorAfter, cursorValues } from '../domain/list-query.js'
import { OwnerConflict, OwnerInvalid } from '../domain/owners/owner.errors.js'
import type { Owner, OwnerSortField } from '../domain/owners/owner.js'
import type { OwnerRepository } from '../domain/owners/owner-repository.port.js'
import { asDomainError, type EntityErrors } from './database-errors.js'
import { keysetAfter, orderOf } from './keyset.js'

/** The column of each field a list can be ordered by. */
const sortColumns: Record<OwnerSortField, { column: string; collated: boolean }> = {
  name: { column: 'name', collated: true },
  createdAt: { column: 'created_at', collated: false },
  updatedAt: { column: 'updated_at', collated: false },
}

/** What the database's refusals mean for an owner. */
const ownerErrors: EntityErrors = {
  label: 'owner',
  conflict: (message) => new OwnerConflict(message),
  invalid: (message, field) => new OwnerInvalid(message, field ? { field } : {}),
}

/** Owners in the owners table. Ids are UUIDv7: listing by id lists oldest first. */
export function createOwnersGateway(db: Kysely<Tables>): OwnerRepository {
  return {
    async list({ filter = {}, sort = [] }, { limit, after }) {
      const order = sort.map((key) => ({ ...sortColumns[key.field], descending: key.descending === true }))
      let query = db.selectFrom('owners').selectAll()
      if (filter.name?.eq !== undefined) query = query.where('name', '=', filter.name.eq)
      if (filter.email?.eq !== undefined) query = query.where('email', '=', filter.email.eq)
      if (after !== undefined) query = query.where(keysetAfter(order, cursorValues(after, sort.length)))
      const rows = await query
        .orderBy(orderOf(order))
        .limit(limit + 1)
        .execute()
        .catch(asDomainError(ownerErrors))
      const items = rows.slice(0, limit).map(toOwner)
      const last = items.at(-1)
      return { items, nextCursor: rows.length > limit && last ? cursorAfter(last, sort) : null }
    },

    async get(id) {
      const row = await db
        .selectFrom('owners')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst()
        .catch(asDomainError(ownerErrors))
      return row && toOwner(row)
    },

    async add(draft) {
      const row = await db
        .insertInto('owners')
        .values({
          id: newId(),
          name: draft.name,
          email: draft.email ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
        .catch(asDomainError(ownerErrors))
      return toOwner(row)
    },

    async update(id, changes) {
      const row = await db
        .updateTable('owners')
        .set({
          name: changes.name,
          email: changes.email,
          updated_at: sql`now()`,
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst()
        .catch(asDomainError(ownerErrors))
      return row && toOwner(row)
    },

    async remove(id) {
      const { numDeletedRows } = await db
        .deleteFrom('owners')
        .where('id', '=', id)
        .executeTakeFirst()
        .catch(asDomainError(ownerErrors, { removing: true }))
      return numDeletedRows > 0n
    },
  }
}

function toOwner(row: Selectable<OwnersTable>): Owner {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}
