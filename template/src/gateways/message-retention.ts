import { type Kysely, sql } from 'kysely'
import type { Tables } from '../clients/database/tables.js'
import type { BrokerLog } from '../clients/queue/broker.js'

export interface Retention {
  /** How long published events and the keys of applied messages are kept. */
  readonly keepHours: number
}

/**
 * Deletes the events published and the message keys applied more than `keepHours` ago, so the
 * outbox and the inbox stay small; an event not yet published is kept however old. A message
 * redelivered after that long would be applied again: keep it longer than any redelivery.
 */
export async function pruneMessages(db: Kysely<Tables>, { keepHours }: Retention) {
  const before = sql<Date>`now() - make_interval(hours => ${keepHours})`
  const events = await db.deleteFrom('outbox_events').where('published_at', '<', before).executeTakeFirst()
  const keys = await db.deleteFrom('inbox_messages').where('applied_at', '<', before).executeTakeFirst()
  return { events: Number(events.numDeletedRows), keys: Number(keys.numDeletedRows) }
}

/** Prunes every `intervalMs`, and once at start; a failure is logged and tried at the next turn. */
export function startPruning(
  db: Kysely<Tables>,
  retention: Retention & { readonly intervalMs: number; readonly log: BrokerLog },
): { stop(): void } {
  const prune = () =>
    pruneMessages(db, retention).catch((err: unknown) =>
      retention.log.warn({ err }, 'outbox and inbox not pruned'),
    )
  void prune()
  const timer = setInterval(prune, retention.intervalMs)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}
