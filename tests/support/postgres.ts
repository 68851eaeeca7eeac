import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll } from 'vitest'

/**
 * The PostgreSQL server tests may use: DATABASE_URL when set. With REQUIRE_POSTGRES=1 (as in CI)
 * its absence fails the run instead of skipping PostgreSQL silently.
 */
export function postgresUrl(): string | undefined {
  const url = process.env.DATABASE_URL
  if (!url && process.env.REQUIRE_POSTGRES === '1') {
    throw new Error('REQUIRE_POSTGRES=1 but DATABASE_URL is not set: PostgreSQL tests cannot run')
  }
  return url || undefined
}

/**
 * A URL whose connections work in a schema of their own, dropped after the test file: services
 * started side by side on one server never see each other's tables or migrations.
 */
export async function privateSchemaUrl(server: string): Promise<string> {
  const schema = `test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: server })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  await admin.end()
  afterAll(async () => {
    const client = new pg.Client({ connectionString: server })
    await client.connect()
    await client.query(`drop schema if exists ${schema} cascade`)
    await client.end()
  })
  const url = new URL(server)
  url.searchParams.set('options', `-c search_path=${schema}`)
  return url.toString()
}
