import { openDatabase } from './clients/database/database.js'
import { migrateToLatest } from './clients/database/migrator.js'
import { ConfigError, loadConfig } from './config/load-config.js'

/** `npm run migrate`: brings the configured database to the latest migration, then exits. */
async function migrate(): Promise<void> {
  const database = await openDatabase(loadConfig().database)
  try {
    const applied = await migrateToLatest(database.db)
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'already at the latest migration')
  } finally {
    await database.close()
  }
}

migrate().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `invalid configuration: ${error.message}` : error)
  process.exitCode = 1
})
