import pg from 'pg'
import type { DatabaseOptions } from './database-options.js'
import { PreparingClient } from './prepared-statements.js'
import { typeParsers } from './type-parsers.js'

export function openPostgresPool({
  url,
  poolMax,
  connectTimeoutMs,
  queryTimeoutMs,
}: DatabaseOptions): pg.Pool {
  const pool = new pg.Pool({
    Client: PreparingClient,
    connectionString: url,
    max: poolMax,
    connectionTimeoutMillis: connectTimeoutMs,
    // Client-side: holds even when the server, or the network to it, stops answering.
    query_timeout: queryTimeoutMs,
    types: typeParsers,
  })
  // An idle connection dropped by the server must not take the process down: the pool
  // discards it, and the next query opens a new one.
  pool.on('error', () => {})
  return pool
}
