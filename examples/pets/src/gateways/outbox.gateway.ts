import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { Tables } from '../clients/database/tables.js'
import type { EventOutbox } from '../domain/events/event-outbox.port.js'
import { traceHeaders } from '../telemetry/trace-context.js'
import { asUnavailableWhenUnreachable } from './database-errors.js'

/**
 * Records events in the outbox table, on whatever connection `db` is: given a transaction, the
 * events commit with the change. Ids are UUIDv7, so the relay publishes them in the order recorded;
 * the trace the change ran in goes with each, for its message to continue.
 */
export function createEventOutbox(db: Kysely<Tables>): EventOutbox {
  return {
    async record(event) {
      await db
        .insertInto('outbox_events')
        .values({
          id: uuidv7(),
          type: event.type,
          data: { ...event.data },
          trace_context: traceHeaders() ?? null,
        })
        .execute()
        .catch(asUnavailableWhenUnreachable)
    },
  }
}
