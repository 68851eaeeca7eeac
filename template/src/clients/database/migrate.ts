import { type Kysely, type Migration, Migrator } from 'kysely'
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
