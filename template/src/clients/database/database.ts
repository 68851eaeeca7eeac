import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { DatabaseOptions } from './database-options.js'
import { openPglite } from './pglite.js'
import { openPostgres } from './postgres.js'
import type { Tables } from './tables.js'

export interface PoolStats {
  readonly total: number
  readonly idle: number
  readonly waiting: number
}

export interface Database {
  readonly db: Kysely<Tables>
  readonly engine: 'postgres' | 'pglite'
  /** Resolves when the database answers a query. */
  ping(): Promise<void>
  /** The connection pool right now; undefined for the embedded database, which has none. */
  poolStats(): PoolStats | undefined
  close(): Promise<void>
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (!options.url) return databaseOf(await openPglite(options.pgliteDataDir), 'pglite')
  const { db, pool } = openPostgres(options)
  return databaseOf(db, 'postgres', () => ({
    total: pool.totalCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
  }))
}

export function databaseOf(
  db: Kysely<Tables>,
  engine: Database['engine'],
  poolStats: () => PoolStats | undefined = () => undefined,
): Database {
  return {
    db,
    engine,
    poolStats,
    ping: async () => {
      await sql`select 1`.execute(db)
    },
    close: () => db.destroy(),
  }
}
