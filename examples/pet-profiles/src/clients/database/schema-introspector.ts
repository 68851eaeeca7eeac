import {
  type DatabaseIntrospector,
  type DatabaseMetadataOptions,
  type Kysely,
  PostgresDialect,
  PostgresIntrospector,
  sql,
  type TableMetadata,
} from 'kysely'

/**
 * PostgreSQL as kysely knows it, but for what kysely looks up about tables (its migrator does):
 * the tables of the connection's own schema, read from information_schema. Kysely's introspector
 * reads every schema of the database and fails when another one is dropped meanwhile, which
 * services sharing a database, and tests working in schemas of their own, do.
 */
export class SchemaScopedPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SchemaScopedIntrospector(db)
  }
}

class SchemaScopedIntrospector extends PostgresIntrospector {
  readonly #db: Kysely<unknown>

  constructor(db: Kysely<unknown>) {
    super(db)
    this.#db = db
  }

  override async getTables(options?: DatabaseMetadataOptions): Promise<TableMetadata[]> {
    const { rows } = await sql<{ schema: string; name: string; type: string }>`
      select table_schema as schema, table_name as name, table_type as type
      from information_schema.tables
      where table_schema = current_schema()
      order by table_name`.execute(this.#db)
    return rows
      .filter((row) => options?.withInternalKyselyTables || !row.name.startsWith('kysely_migration'))
      .map((row) => ({ schema: row.schema, name: row.name, isView: row.type === 'VIEW', columns: [] }))
  }
}
