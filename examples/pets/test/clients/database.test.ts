import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/clients/database/database.js'
import { testEngines } from '../support/test-database.js'

const options = { url: '', pgliteDataDir: '', poolMax: 2, connectTimeoutMs: 1_000, queryTimeoutMs: 5_000 }

describe.runIf(testEngines().includes('postgres'))('the database client on PostgreSQL', () => {
  it('connects through DATABASE_URL and answers', async () => {
    const database = await openDatabase({ ...options, url: process.env.DATABASE_URL ?? '' })
    try {
      expect(database.engine).toBe('postgres')
      await expect(database.ping()).resolves.toBeUndefined()
    } finally {
      await database.close()
    }
  })

  it('fails its ping, without hanging, when the server is unreachable', async () => {
    const database = await openDatabase({ ...options, url: 'postgres://nobody@127.0.0.1:1/none' })
    try {
      await expect(database.ping()).rejects.toThrow()
    } finally {
      await database.close()
    }
  })
})

describe('the database client on PGlite', () => {
  const folders: string[] = []
  afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))))

  // Creating a PGlite data folder runs initdb in WebAssembly: seconds, more on a loaded machine.
  it('keeps its data in the configured folder across restarts', { timeout: 90_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pglite-data-'))
    folders.push(dataDir)

    const first = await openDatabase({ ...options, pgliteDataDir: dataDir })
    await sql`create table notes (body text)`.execute(first.db)
    await sql`insert into notes values ('kept')`.execute(first.db)
    await first.close()

    const second = await openDatabase({ ...options, pgliteDataDir: dataDir })
    const { rows } = await sql<{ body: string }>`select body from notes`.execute(second.db)
    await second.close()

    expect(second.engine).toBe('pglite')
    expect(rows).toEqual([{ body: 'kept' }])
  })
})
