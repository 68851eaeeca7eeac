import type { Kysely } from 'kysely'

/** An owner's pets have names of their own; this index also serves the list filtered by owner. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('pets_owner_name_key').on('pets').columns(['owner', 'name']).unique().execute()
}
