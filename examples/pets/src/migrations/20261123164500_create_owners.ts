import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('owners')
    .addColumn('id', 'uuid', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('email', 'text')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('owners_name_id')
    .on('owners')
    .expression(sql`${sql.ref('name')} collate "C", id`)
    .execute()
  await db.schema
    .createIndex('owners_email_id')
    .on('owners')
    .expression(sql`${sql.ref('email')} collate "C", id`)
    .execute()
}
