import { randomBytes } from 'node:crypto'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { inject } from 'vitest'
import { type Database, openDatabase } from '../../src/clients/database/database.js'
import { migrateToLatest } from '../../src/clients/database/migrator.js'
import { loadConfig } from '../../src/config/load-config.js'

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

/**
 * A migrated database of its own, opened by the service's own clients: a copy of the run's PGlite
 * data folder, or a private schema on the PostgreSQL server, dropped on close.
 */
export async function openTestDatabase(engine: Engine): Promise<TestDatabase> {
  const database = engine === 'postgres' ? await openPrivateSchema() : await openPgliteCopy()
  await migrateToLatest(database.db)
  return { ...database, truncateAll: () => truncateAll(database) }
}

/** The settings a service runs with when nothing is set, short of where its database is. */
const defaults = loadConfig({}).database

async function openPgliteCopy(): Promise<Database> {
  const dataDir = await mkdtemp(join(tmpdir(), 'pglite-test-'))
  await cp(inject('pgliteDataDir'), dataDir, { recursive: true })
  const database = await openDatabase({ ...defaults, pglite: { ...defaults.pglite, dataDir } })
  return {
    ...database,
    close: async () => {
      await database.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

async function openPrivateSchema(): Promise<Database> {
  const schema = await createPrivateSchema()
  const database = await openDatabase({ ...defaults, url: schema.url, poolMax: 4 })
  return {
    ...database,
    close: async () => {
      await database.close()
      await schema.drop()
    },
  }
}

/**
 * A schema of its own on the PostgreSQL server at DATABASE_URL, and the URL that makes it the
 * search path: tests that run side by side never see each other's tables.
 */
export async function createPrivateSchema(): Promise<{ url: string; drop(): Promise<void> }> {
  const server = process.env.DATABASE_URL ?? ''
  const schema = `test_${randomBytes(6).toString('hex')}`
  const onServer = async (statement: string) => {
    const admin = new pg.Client({ connectionString: server })
    await admin.connect()
    await admin.query(statement).finally(() => admin.end())
  }
  await onServer(`create schema ${schema}`)
  const url = new URL(server)
  url.searchParams.set('options', `-c search_path=${schema}`)
  return { url: url.toString(), drop: () => onServer(`drop schema ${schema} cascade`) }
}

/** Every table of the database's own schema, but kysely's bookkeeping. */
async function truncateAll({ db }: Database): Promise<void> {
  const names = (await db.introspection.getTables()).map((table) => table.name)
  if (names.length === 0) return
  await sql`truncate ${sql.join(names.map((name) => sql.table(name)))}`.execute(db)
}
