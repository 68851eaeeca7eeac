import { type Kysely, type Selectable, sql } from 'kysely'
import { v7 as newId } from 'uuid'
import type { PetsTable } from '../clients/database/pets.table.js'
import type { Tables } from '../clients/database/tables.js'
import { PetConflict, PetInvalid } from '../domain/pets/pet.errors.js'
import type { Pet } from '../domain/pets/pet.js'
import type { PetRepository } from '../domain/pets/pet-repository.port.js'
import { translatingDatabaseErrors } from './database-errors.js'

/** Pets in the pets table. Ids are UUIDv7: listing by id lists oldest first. */
export function createPetsGateway(db: Kysely<Tables>): PetRepository {
  const gateway: PetRepository = {
    async list(filter, { limit, after }) {
      let query = db
        .selectFrom('pets')
        .selectAll()
        .orderBy('id')
        .limit(limit + 1)
      if (after !== undefined) query = query.where('id', '>', after)
      if (filter.name !== undefined) query = query.where('name', '=', filter.name)
      if (filter.owner !== undefined) query = query.where('owner', '=', filter.owner)
      if (filter.species !== undefined) query = query.where('species', '=', filter.species)
      const rows = await query.execute()
      const items = rows.slice(0, limit).map(toPet)
      return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null }
    },

    async get(id) {
      const row = await db.selectFrom('pets').selectAll().where('id', '=', id).executeTakeFirst()
      return row && toPet(row)
    },

    async add(draft) {
      const row = await db
        .insertInto('pets')
        .values({
          id: newId(),
          name: draft.name,
          owner: draft.owner,
          description: draft.description ?? null,
          species: draft.species,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
      return toPet(row)
    },

    async update(id, changes) {
      const row = await db
        .updateTable('pets')
        .set({
          name: changes.name,
          description: changes.description,
          species: changes.species,
          updated_at: sql`now()`,
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst()
      return row && toPet(row)
    },

    async transfer(id, owner) {
      const row = await db
        .updateTable('pets')
        .set({ owner, updated_at: sql`now()` })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst()
      return row && toPet(row)
    },

    async remove(id) {
      const { numDeletedRows } = await db.deleteFrom('pets').where('id', '=', id).executeTakeFirst()
      return numDeletedRows > 0n
    },
  }
  return translatingDatabaseErrors(gateway, {
    label: 'pet',
    conflict: (message) => new PetConflict(message),
    invalid: (message, field) => new PetInvalid(message, field ? { field } : {}),
  })
}

function toPet(row: Selectable<PetsTable>): Pet {
  return {
    id: row.id,
    name: row.name,
    owner: row.owner,
    description: row.description,
    species: row.species,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}
