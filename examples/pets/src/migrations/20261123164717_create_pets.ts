import { type Kysely, sql } from 'kysely'

/**
 * The CHECK constraints spell out the values of petSpecies when this was written,
 * rather than import them: a migration must stay what it was when it ran.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pets')
    .addColumn('id', 'uuid', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('owner_id', 'uuid', (column) => column.notNull())
    .addColumn('description', 'text')
    .addColumn('species', 'text', (column) =>
      column.notNull().check(sql`${sql.ref('species')} in ('dog', 'cat', 'bird', 'other')`),
    )
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint('pets_owner_id_fkey', ['owner_id'], 'owners', ['id'], (constraint) =>
      constraint.onDelete('restrict'),
    )
    .execute()
  await db.schema
    .createIndex('pets_name_id')
    .on('pets')
    .expression(sql`${sql.ref('name')} collate "C", id`)
    .execute()
  await db.schema
    .createIndex('pets_owner_id_id')
    .on('pets')
    .expression(sql`${sql.ref('owner_id')}, id`)
    .execute()
  await db.schema
    .createIndex('pets_species_id')
    .on('pets')
    .expression(sql`${sql.ref('species')} collate "C", id`)
    .execute()
}
