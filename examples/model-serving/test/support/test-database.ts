import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PostgresDialect, sql } from 'kysely'
import { PGliteDialect } from 'kysely-pglite-dialect'
import pg from 'pg'
import { inject } from 'vitest'
import type { Database } from '../../src/clients/database/database.js'
import { migrateToLatest } from '../../src/clients/database/migrate.js'
import type { Tables } from '../../src/clients/database/tables.js'

export type Engine = Database['engine']

export interface TestDatabase extends Database {
  /** Empties every table, so each test starts from a clean slate. */
  truncateAll(): Promise<void>
}

/**
 * The engines the database tests run on: PGlite always, PostgreSQL when DATABASE_URL is set.
 * With REQUIRE_POSTGRES=1 a missing DATABASE_URL is an error rather than a silent skip.
 */
export function testEngines(): Engine[] {
  if (process.env.DATABASE_URL) return ['pglite', 'postgres']
  if (process.env.REQUIRE_POSTGRES === '1') {
    throw new Error('REQUIRE_POSTGRES=1 but DATABASE_URL is not set: PostgreSQL tests cannot run')
  }
  return ['pglite']
}

/** A migrated database of its own: PGlite from the run's snapshot, or a private schema on PostgreSQL. */
export async function openTestDatabase(engine: Engine): Promise<TestDatabase> {
  const { db, drop } = engine === 'postgres' ? await openPostgresSchema() : await openPgliteCopy()
  await migrateToLatest(db)
  return {
    db,
    engine,
    ping: async () => {
      await sql`select 1`.execute(db)
    },
    truncateAll: () => truncateAll(db),
    close: async () => {
      await drop()
      await db.destroy()
    },
  }
}

async function openPgliteCopy() {
  const snapshot = await readFile(inject('pgliteSnapshot'))
  const pglite = await PGlite.create({ loadDataDir: new Blob([snapshot]) })
  return { db: new Kysely<Tables>({ dialect: new PGliteDialect(pglite) }), drop: async () => {} }
}

async function openPostgresSchema() {
  const url = process.env.DATABASE_URL ?? ''
  const schema = `test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  await admin.end()
  const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max: 4 })
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) })
  return { db, drop: () => sql`drop schema ${sql.id(schema)} cascade`.execute(db).then(() => {}) }
}

async function truncateAll(db: Kysely<Tables>): Promise<void> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
  const tables = await db.introspection.getTables()
  const names = tables
    .filter((table) => table.schema === rows[0]?.schema && !table.name.startsWith('kysely_'))
    .map((table) => table.name)
  if (names.length === 0) return
  await sql`truncate ${sql.join(names.map((name) => sql.table(name)))} restart identity cascade`.execute(db)
}
