import { type Kysely, type Selectable, sql } from 'kysely'
import { v7 as newId } from 'uuid'
import type { PetsTable } from '../clients/database/pets.table.js'
import type { Tables } from '../clients/database/tables.js'
import { cursorAfter, cursorValues } from '../domain/list-query.js'
import { PetConflict, PetInvalid, PetNameTaken } from '../domain/pets/pet.errors.js'
import type { Pet, PetSortField, PetSpecies } from '../domain/pets/pet.js'
import type { PetRepository } from '../domain/pets/pet-repository.port.js'
import { asDomainError, type EntityErrors } from './database-errors.js'
import { keysetAfter, orderOf } from './keyset.js'

/** The column of each field a list can be ordered by. */
const sortColumns: Record<PetSortField, { column: string; collated: boolean }> = {
  name: { column: 'name', collated: true },
  species: { column: 'species', collated: true },
  createdAt: { column: 'created_at', collated: false },
  updatedAt: { column: 'updated_at', collated: false },
}

/** What the database's refusals mean for a pet. */
const petErrors: EntityErrors = {
  label: 'pet',
  conflict: (message) => new PetConflict(message),
  invalid: (message, field) => new PetInvalid(message, field ? { field } : {}),
  references: {
    pets_owner_id_fkey: 'ownerId',
  },
}

/** The unique index that gives each of an owner's pets a name of its own. */
const namesPerOwner = 'pets_owner_id_name_key'

/** Pets in the pets table. Ids are UUIDv7: listing by id lists oldest first. */
export function createPetsGateway(db: Kysely<Tables>): PetRepository {
  /**
   * A write the index refused, told with the owner and the name it clashed on: the written ones,
   * and the pet's own (read back, the write having changed nothing) for what the write left alone.
   * The index is the one judge of a name being free: no race between a check and the write.
   */
  const nameTaken = (id: string | undefined, written: { ownerId?: string; name?: string }) => ({
    unique: {
      [namesPerOwner]: async () => {
        const known = written.ownerId !== undefined && written.name !== undefined
        const pet = id === undefined || known ? undefined : await gateway.get(id)
        const ownerId = written.ownerId ?? pet?.ownerId
        const name = written.name ?? pet?.name
        return ownerId && name
          ? new PetNameTaken(ownerId, name)
          : petErrors.conflict('the pet clashes with one that exists')
      },
    },
  })

  const gateway: PetRepository = {
    async list({ filter = {}, sort = [] }, { limit, after }) {
      const order = sort.map((key) => ({ ...sortColumns[key.field], descending: key.descending === true }))
      let query = db.selectFrom('pets').selectAll()
      if (filter.name?.eq !== undefined) query = query.where('name', '=', filter.name.eq)
      if (filter.ownerId?.eq !== undefined) query = query.where('owner_id', '=', filter.ownerId.eq)
      if (filter.species?.eq !== undefined) query = query.where('species', '=', filter.species.eq)
      if (filter.species?.in !== undefined) {
        const values = filter.species.in
        query = values.length > 0 ? query.where('species', 'in', values) : query.where(sql<boolean>`false`)
      }
      if (after !== undefined) query = query.where(keysetAfter(order, cursorValues(after, sort.length)))
      const rows = await query
        .orderBy(orderOf(order))
        .limit(limit + 1)
        .execute()
        .catch(asDomainError(petErrors))
      const items = rows.slice(0, limit).map(toPet)
      const last = items.at(-1)
      return { items, nextCursor: rows.length > limit && last ? cursorAfter(last, sort) : null }
    },

    async get(id) {
      const row = await db
        .selectFrom('pets')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst()
        .catch(asDomainError(petErrors))
      return row && toPet(row)
    },

    async add(draft) {
      const row = await db
        .insertInto('pets')
        .values({
          id: newId(),
          name: draft.name,
          owner_id: draft.ownerId,
          description: draft.description ?? null,
          species: draft.species,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
        .catch(asDomainError(petErrors, nameTaken(undefined, draft)))
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
        .catch(asDomainError(petErrors, nameTaken(id, { name: changes.name })))
      return row && toPet(row)
    },

    async transfer(id, ownerId) {
      // Read first: inside a transaction, no query runs after the update fails, so the error
      // cannot look the name up then.
      const name = (await gateway.get(id))?.name
      const row = await db
        .updateTable('pets')
        .set({ owner_id: ownerId, updated_at: sql`now()` })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst()
        .catch(asDomainError(petErrors, nameTaken(id, { ownerId, name })))
      return row && toPet(row)
    },

    async remove(id) {
      const { numDeletedRows } = await db
        .deleteFrom('pets')
        .where('id', '=', id)
        .executeTakeFirst()
        .catch(asDomainError(petErrors, { removing: true }))
      return numDeletedRows > 0n
    },
  }
  return gateway
}

function toPet(row: Selectable<PetsTable>): Pet {
  return {
    id: row.id,
    name: row.name,
    ownerId: row.owner_id,
    description: row.description,
    species: row.species as PetSpecies,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}
