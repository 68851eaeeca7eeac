/**
 * The shape of every table, as kysely sees it: one entry per table, added with its migration.
 * Gateways translate these rows to domain types; nothing outside gateways/ sees a row.
 */
// biome-ignore lint/suspicious/noEmptyInterface: tables are added here as resources are added
export interface Tables {}
