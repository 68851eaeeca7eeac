import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { DatabaseOptions } from './database-options.js'
import { openPglite } from './pglite.js'
import { openPostgres } from './postgres.js'
import type { Tables } from './tables.js'

export interface Database {
  readonly db: Kysely<Tables>
  readonly engine: 'postgres' | 'pglite'
  /** Resolves when the database answers a query. */
  ping(): Promise<void>
  close(): Promise<void>
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url
    ? databaseOf(openPostgres(options), 'postgres')
    : databaseOf(await openPglite(options.pgliteDataDir), 'pglite')
}

export function databaseOf(db: Kysely<Tables>, engine: Database['engine']): Database {
  return {
    db,
    engine,
    ping: async () => {
      await sql`select 1`.execute(db)
    },
    close: () => db.destroy(),
  }
}
