import { randomBytes } from 'node:crypto'
import pg from 'pg'

export interface PrivateSchema {
  /** The server URL, with every connection's search_path set to the schema. */
  readonly url: string
  query<Row extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<Row[]>
  /** Drops the schema and everything in it. */
  drop(): Promise<void>
}

/** A schema of its own on a shared server, so a benchmark never sees or touches anyone's tables. */
export async function createPrivateSchema(serverUrl: string): Promise<PrivateSchema> {
  const schema = `bench_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  const url = new URL(serverUrl)
  url.searchParams.set('options', `-c search_path=${schema}`)
  return {
    url: url.toString(),
    async query(text, values) {
      await admin.query(`set search_path to ${schema}`)
      return (await admin.query(text, values)).rows
    },
    async drop() {
      await admin.query(`drop schema if exists ${schema} cascade`)
      await admin.end()
    },
  }
}

/** Whether a PostgreSQL server answers at `url`. */
export async function isReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 })
  try {
    await client.connect()
    await client.end()
    return true
  } catch {
    return false
  }
}
