import { randomBytes } from 'node:crypto'
import pg from 'pg'

// The benchmarks use this module too: vitest is loaded only in a test run.

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

export interface PrivateSchema {
  /** The server's URL, with every connection's search_path set to the schema. */
  readonly url: string
  query<Row extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<Row[]>
  /** Drops the schema and everything in it. */
  drop(): Promise<void>
}

/**
 * A schema of its own on a shared server: services started side by side on one server never see
 * each other's tables or migrations, nor anyone else's.
 */
export async function createPrivateSchema(serverUrl: string, prefix = 'test'): Promise<PrivateSchema> {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`
  await connected(serverUrl, (client) => client.query(`create schema ${schema}`))
  const url = new URL(serverUrl)
  url.searchParams.set('options', `-c search_path=${schema}`)
  return {
    url: url.toString(),
    query: async <Row extends pg.QueryResultRow>(text: string, values?: unknown[]) =>
      (await connected(url.toString(), (client) => client.query<Row>(text, values))).rows,
    drop: async () => {
      await connected(serverUrl, (client) => client.query(`drop schema if exists ${schema} cascade`))
    },
  }
}

/** The schemas privateSchemaUrl made for the test file that imports this module. */
const madeForThisFile: PrivateSchema[] = []
if (process.env.VITEST) {
  // Registered as the file is collected: an afterAll registered while a hook or a test runs never runs.
  const { afterAll } = await import('vitest')
  afterAll(async () => {
    for (const schema of madeForThisFile.splice(0)) await schema.drop()
  })
}

/** The URL of a private schema (see createPrivateSchema), dropped after the test file. */
export async function privateSchemaUrl(server: string): Promise<string> {
  const schema = await createPrivateSchema(server)
  madeForThisFile.push(schema)
  return schema.url
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

/** Runs `work` on a connection of its own, closed after. */
async function connected<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}
