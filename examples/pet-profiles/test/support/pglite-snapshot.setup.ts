import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '../../src/clients/database/database.js'
import { loadConfig } from '../../src/config/load-config.js'

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDataDir: string
  }
}

/**
 * The service's snapshot unpacked once per run into a data folder: every PGlite test database is a
 * copy of that folder, which opens in a fraction of the time a restore from the snapshot takes.
 */
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(join(tmpdir(), 'pglite-data-'))
  const { database } = loadConfig({})
  await (await openDatabase({ ...database, pglite: { ...database.pglite, dataDir } })).close()
  project.provide('pgliteDataDir', dataDir)
  return () => rm(dataDir, { recursive: true, force: true })
}
