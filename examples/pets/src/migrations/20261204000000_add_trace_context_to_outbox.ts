import type { Kysely } from 'kysely'

/**
 * The trace each event was recorded in (its W3C traceparent and tracestate headers), so that the
 * message the relay publishes later continues the trace of the request that caused it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox_events').addColumn('trace_context', 'jsonb').execute()
}
