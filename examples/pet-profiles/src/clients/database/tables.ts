import type { InboxMessagesTable, OutboxEventsTable } from './outbox.table.js'

/**
 * The shape of every table, as kysely sees it: one entry per table, added with its migration.
 * Gateways translate these rows to domain types; nothing outside gateways/ sees a row.
 */
export interface Tables {
  inbox_messages: InboxMessagesTable
  outbox_events: OutboxEventsTable
}
