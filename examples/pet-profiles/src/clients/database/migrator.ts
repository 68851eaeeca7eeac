import { type Kysely, type Migration, Migrator, sql } from 'kysely'
import { migrations } from '../../migrations/index.js'
import type { Tables } from './tables.js'

export class MigrationError extends Error {
  override readonly name = 'MigrationError'
}

/** Brings the schema to the latest migration; safe to run from several processes at once. */
export async function migrateToLatest(db: Kysely<Tables>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async (): Promise<Record<string, Migration>> => migrations },
    // Pinned to the schema the connection works in: kysely would otherwise take the bookkeeping
    // tables of another schema in the same database (another service, another test) for its own.
    migrationTableSchema: await currentSchema(db),
  })
  const { error, results = [] } = await migrator.migrateToLatest()
  const failed = results.find((result) => result.status === 'Error')
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? 'failed')
    throw new MigrationError(`migration ${failed?.migrationName ?? '(none)'} failed: ${reason}`, {
      cause: error,
    })
  }
  return results.map((result) => result.migrationName)
}

async function currentSchema(db: Kysely<Tables>): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
  return rows[0]?.schema ?? 'public'
}
