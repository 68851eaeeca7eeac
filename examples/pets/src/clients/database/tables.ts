import type { OwnersTable } from './owners.table.js'
import type { PetsTable } from './pets.table.js'

/**
 * The shape of every table, as kysely sees it: one entry per table, added with its migration.
 * Gateways translate these rows to domain types; nothing outside gateways/ sees a row.
 */
export interface Tables {
  owners: OwnersTable
  pets: PetsTable
}
