import { Kysely, sql } from 'kysely'
import type pg from 'pg'
import type { DatabaseOptions } from './database-options.js'
import { openPglitePool } from './pglite.js'
import { openPostgresPool } from './postgres.js'
import { SchemaScopedPostgresDialect } from './schema-introspector.js'
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
  /** The connection pool right now. */
  poolStats(): PoolStats
  close(): Promise<void>
}

/** PostgreSQL at `url`, or the embedded PGlite when there is none: one `pg` pool either way. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) return databaseOn(openPostgresPool(options), 'postgres')
  const embedded = await openPglitePool(options.pglite)
  return databaseOn(embedded.pool, 'pglite', embedded.stop)
}

/** Kysely on a `pg` pool; `afterPoolEnds` stops what the pool talks to, when that is in process. */
export function databaseOn(
  pool: pg.Pool,
  engine: Database['engine'],
  afterPoolEnds: () => Promise<void> = async () => {},
): Database {
  const db = new Kysely<Tables>({ dialect: new SchemaScopedPostgresDialect({ pool }) })
  return {
    db,
    engine,
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    ping: async () => {
      await sql`select 1`.execute(db)
    },
    close: async () => {
      await db.destroy()
      await afterPoolEnds()
    },
  }
}
