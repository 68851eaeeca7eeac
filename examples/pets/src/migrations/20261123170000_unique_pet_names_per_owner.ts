import type { Kysely } from 'kysely'

/** An owner's pets have names of their own. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('pets_owner_id_name_key')
    .on('pets')
    .columns(['owner_id', 'name'])
    .unique()
    .execute()
}
