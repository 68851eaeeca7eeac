import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { inMemory, type PgliteOptions } from './database-options.js'
import { unpackSnapshot } from './snapshot-archive.js'
import { typeParsers } from './type-parsers.js'

export interface EmbeddedPool {
  readonly pool: pg.Pool
  /** Stops PGlite, once the pool has ended. */
  stop(): Promise<void>
}

/**
 * An in-process PostgreSQL (WASM), so the service runs with nothing installed, reached through
 * the same `pg` pool as a real server. Loaded on demand: a service on PostgreSQL never pays for it.
 */
export async function openPglitePool(options: PgliteOptions): Promise<EmbeddedPool> {
  const pglite = await startPglite(options)
  const { PglitePgConnection } = await import('@electric-sql/pglite/node-postgres')
  // A connection object of its own for every client the pool makes: PGlite's node-postgres
  // adapter would otherwise hand one object to each client, and a client the pool ends (after an
  // error, or idle) would take the next one down with it.
  class PgliteClient extends pg.Client {
    constructor(config?: pg.ClientConfig) {
      super({ ...config, connection: new PglitePgConnection({ pglite }) } as pg.ClientConfig)
    }
  }
  // PGlite runs one session at a time.
  const pool = new pg.Pool({ Client: PgliteClient, max: 1, types: typeParsers })
  return { pool, stop: () => pglite.close() }
}

/**
 * initdb costs seconds and hundreds of MiB in WebAssembly, so it never runs here: a new database
 * starts from the snapshot (unpacked into a data folder that has none yet, or loaded into memory),
 * and an existing folder reopens as it is.
 */
async function startPglite({ dataDir, snapshot }: PgliteOptions): Promise<PGlite> {
  const { PGlite } = await import('@electric-sql/pglite')
  const inFolder = dataDir !== inMemory
  if (inFolder && !existsSync(join(dataDir, 'PG_VERSION'))) unpackSnapshot(snapshot, dataDir)
  return PGlite.create({
    dataDir: inFolder ? dataDir : undefined,
    loadDataDir: inFolder ? undefined : new Blob([await readFile(snapshot)]),
    // A development database: the shared buffers of a server would cost memory, not save time.
    startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'],
  })
}
