import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/clients/database/database.js'
import { loadConfig } from '../../src/config/load-config.js'
import { createPrivateSchema, openTestDatabase, testEngines } from '../support/test-database.js'

const defaults = loadConfig({}).database

describe.runIf(testEngines().includes('postgres'))('the database client on PostgreSQL', () => {
  it('connects through DATABASE_URL and answers', async () => {
    const database = await openDatabase({ ...defaults, url: process.env.DATABASE_URL ?? '' })
    try {
      expect(database.engine).toBe('postgres')
      await expect(database.ping()).resolves.toBeUndefined()
    } finally {
      await database.close()
    }
  })

  it("looks up only its own schema's tables, unmoved by another schema dropped meanwhile", async () => {
    const mine = await openTestDatabase('postgres')
    const other = await openTestDatabase('postgres')
    const tablesOf = async () => (await mine.db.introspection.getTables()).map((table) => table.name).sort()
    const migrated = await tablesOf()
    await sql`create table notes (body text)`.execute(mine.db)
    const comingAndGoing = sql.id(`scratch_${process.pid}`)
    let dropping = true
    const dropper = (async () => {
      while (dropping) {
        await sql`create schema ${comingAndGoing} create table t (n int)`.execute(other.db)
        await sql`drop schema ${comingAndGoing} cascade`.execute(other.db)
      }
    })()
    try {
      for (let round = 0; round < 100; round++) {
        expect(await tablesOf()).toEqual([...migrated, 'notes'].sort())
      }
    } finally {
      dropping = false
      await dropper
      await Promise.all([mine.close(), other.close()])
    }
  })

  it('prepares each parameterised statement once per connection, then only binds and runs it', async () => {
    const schema = await createPrivateSchema()
    const database = await openDatabase({ ...defaults, url: schema.url, poolMax: 1 })
    try {
      for (const n of [1, 2, 3]) {
        const { rows } = await sql<{ n: number }>`select ${n}::int + 1 as n`.execute(database.db)
        expect(rows).toEqual([{ n: n + 1 }])
      }
      const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(
        database.db,
      )
      expect(rows.map((row) => row.statement)).toEqual(['select $1::int + 1 as n'])
    } finally {
      await database.close()
      await schema.drop()
    }
  })

  it('prepares a statement anew when a migration changed what it answers, and loses no query', async () => {
    const schema = await createPrivateSchema()
    const database = await openDatabase({ ...defaults, url: schema.url, poolMax: 1 })
    try {
      await sql`create table notes (id int, body text)`.execute(database.db)
      await sql`insert into notes values (1, 'first')`.execute(database.db)
      const byId = () =>
        database.db
          .selectFrom('notes' as never)
          .selectAll()
          .where('id' as never, '=', 1 as never)
          .execute()
      expect(await byId()).toEqual([{ id: 1, body: 'first' }])

      await sql`alter table notes add column author text`.execute(database.db)

      expect(await byId()).toEqual([{ id: 1, body: 'first', author: null }])
    } finally {
      await database.close()
      await schema.drop()
    }
  })

  it('fails its ping, without hanging, when the server is unreachable', async () => {
    const database = await openDatabase({ ...defaults, url: 'postgres://nobody@127.0.0.1:1/none' })
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
  const emptyFolder = async () => {
    const folder = await mkdtemp(join(tmpdir(), 'pglite-data-'))
    folders.push(folder)
    return join(folder, 'pglite')
  }
  const openAt = (dataDir: string) => openDatabase({ ...defaults, pglite: { ...defaults.pglite, dataDir } })

  it('starts a new data folder from the snapshot, and keeps its data there across restarts', async () => {
    const dataDir = await emptyFolder()

    const first = await openAt(dataDir)
    await sql`create table notes (body text)`.execute(first.db)
    await sql`insert into notes values ('kept')`.execute(first.db)
    await first.close()
    const second = await openAt(dataDir)
    const { rows } = await sql<{ body: string }>`select body from notes`.execute(second.db)
    await second.close()

    expect(second.engine).toBe('pglite')
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true)
    expect(rows).toEqual([{ body: 'kept' }])
  })

  it('keeps nothing once closed, in memory', async () => {
    const first = await openAt('memory://')
    await sql`create table notes (body text)`.execute(first.db)
    await first.close()
    const second = await openAt('memory://')
    const { rows } = await sql<{ name: string }>`select to_regclass('notes') as name`.execute(second.db)
    await second.close()

    expect(rows).toEqual([{ name: null }])
  })

  it('answers again after a failed statement, on its one connection', async () => {
    const database = await openAt('memory://')
    try {
      await expect(sql`select * from missing_table`.execute(database.db)).rejects.toThrow(/missing_table/)
      await expect(database.ping()).resolves.toBeUndefined()
      expect(database.poolStats()).toMatchObject({ total: 1, waiting: 0 })
    } finally {
      await database.close()
    }
  })
})
