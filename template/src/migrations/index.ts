import type { Migration } from 'kysely'
import * as createOutboxAndInbox from './20261201000000_create_outbox_and_inbox.js'
import * as addTraceContextToOutbox from './20261204000000_add_trace_context_to_outbox.js'

/**
 * Every migration, in the order they apply: kysely runs them by name, oldest first.
 * Migrations are forward-only; a change to the schema is a new migration.
 */
export const migrations: Record<string, Migration> = {
  '20261201000000_create_outbox_and_inbox': createOutboxAndInbox,
  '20261204000000_add_trace_context_to_outbox': addTraceContextToOutbox,
}
