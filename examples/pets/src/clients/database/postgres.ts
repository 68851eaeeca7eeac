import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { DatabaseOptions } from './database-options.js'
import type { Tables } from './tables.js'
import { calendarDay, postgresDateType } from './type-parsers.js'

export function openPostgres({ url, poolMax, connectTimeoutMs, queryTimeoutMs }: DatabaseOptions): {
  db: Kysely<Tables>
  pool: pg.Pool
} {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolMax,
    connectionTimeoutMillis: connectTimeoutMs,
    // Client-side: holds even when the server, or the network to it, stops answering.
    query_timeout: queryTimeoutMs,
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid === postgresDateType
          ? calendarDay
          : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  })
  // An idle connection dropped by the server must not take the process down: the pool
  // discards it, and the next query opens a new one.
  pool.on('error', () => {})
  return { db: new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) }), pool }
}
