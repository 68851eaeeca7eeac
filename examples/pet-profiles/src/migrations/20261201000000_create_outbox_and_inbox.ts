import { type Kysely, sql } from 'kysely'

/**
 * The outbox holds the events of committed changes until the relay has published them; the inbox
 * holds the keys of the messages already applied. Both are written in the transaction of a change.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('outbox_events')
    .addColumn('id', 'uuid', (column) => column.primaryKey())
    .addColumn('type', 'text', (column) => column.notNull())
    .addColumn('data', 'jsonb', (column) => column.notNull())
    .addColumn('recorded_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('published_at', 'timestamptz')
    .execute()
  await db.schema
    .createIndex('outbox_events_unpublished')
    .on('outbox_events')
    .column('id')
    .where(sql.ref('published_at'), 'is', null)
    .execute()
  await db.schema
    .createTable('inbox_messages')
    .addColumn('message_key', 'text', (column) => column.primaryKey())
    .addColumn('applied_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute()
}
