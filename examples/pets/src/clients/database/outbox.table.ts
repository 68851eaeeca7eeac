import type { Generated } from 'kysely'

/** Events recorded by committed changes; `published_at` is set once the broker has confirmed them. */
export interface OutboxEventsTable {
  id: string
  type: string
  data: Record<string, unknown>
  recorded_at: Generated<Date>
  published_at: Date | null
  /** W3C trace context headers of the change that recorded the event; null when it was not traced. */
  trace_context: Record<string, string> | null
}

/** The key of every message applied, so that a redelivery is recognised. */
export interface InboxMessagesTable {
  message_key: string
  applied_at: Generated<Date>
}
