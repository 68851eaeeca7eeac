import type { Migration } from 'kysely'

/**
 * Every migration, in the order they apply: kysely runs them by name, oldest first.
 * Migrations are forward-only; a change to the schema is a new migration.
 */
export const migrations: Record<string, Migration> = {}
