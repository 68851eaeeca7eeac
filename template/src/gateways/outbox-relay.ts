import { type Kysely, sql } from 'kysely'
import type { Tables } from '../clients/database/tables.js'
import type { Broker, BrokerLog } from '../clients/queue/broker.js'
import { inTraceOf } from '../telemetry/trace-context.js'

export interface OutboxRelayOptions {
  /** The topic exchange events are published to, each with its type as the routing key. */
  readonly exchange: string
  /** How often the outbox is looked at when the last look found nothing. */
  readonly intervalMs: number
  /** Events published per transaction. */
  readonly batchSize: number
  /** Longest wait for the broker to confirm a batch; the batch is then tried again. */
  readonly confirmTimeoutMs?: number
  readonly log: BrokerLog
  readonly onPublished?: (count: number) => void
}

export interface OutboxRelay {
  /** Events recorded and not yet published. */
  backlog(): Promise<number>
  /** Looks at the outbox now, without waiting for the interval. */
  wake(): void
  /** Finishes the batch in hand, then stops. */
  stop(): Promise<void>
}

/**
 * Publishes the outbox's events to the broker, oldest first, and marks each published once the
 * broker has confirmed it. An event is published at least once: a crash between the confirm and
 * the mark publishes it again, with the same message id (the event's id) for consumers to dedupe
 * on. Rows are locked with SKIP LOCKED, so replicas share the outbox instead of racing for it.
 */
export function startOutboxRelay(
  db: Kysely<Tables>,
  broker: Broker,
  options: OutboxRelayOptions,
): OutboxRelay {
  const { exchange, intervalMs, batchSize, confirmTimeoutMs = 5_000, log } = options
  const channel = broker.channel(`publish ${exchange}`, (raw) =>
    raw.assertExchange(exchange, 'topic', { durable: true }),
  )
  channel.on('error', (err) => log.warn({ err, exchange }, 'cannot declare the exchange'))
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined

  function schedule(delayMs: number): void {
    if (stopped) return
    clearTimeout(timer)
    timer = setTimeout(() => {
      running ??= cycle().finally(() => {
        running = undefined
      })
    }, delayMs)
  }

  async function cycle(): Promise<void> {
    let published = 0
    try {
      // Waiting on a broker that is away would hold a database connection for nothing.
      if (broker.isConnected()) published = await publishBatch()
      if (published > 0) options.onPublished?.(published)
    } catch (err) {
      log.warn({ err, exchange }, 'outbox batch not published: trying again')
    }
    schedule(published === batchSize ? 0 : intervalMs)
  }

  function publishBatch(): Promise<number> {
    return db.transaction().execute(async (transaction) => {
      const events = await transaction
        .selectFrom('outbox_events')
        .select(['id', 'type', 'data', 'recorded_at', 'trace_context'])
        .where('published_at', 'is', null)
        .orderBy('id')
        .limit(batchSize)
        .forUpdate()
        .skipLocked()
        .execute()
      if (events.length === 0) return 0
      await Promise.all(
        events.map((event) =>
          // In the trace of the change that recorded it: tracing's publish span joins that trace.
          inTraceOf(event.trace_context, () =>
            channel.publish(exchange, event.type, Buffer.from(JSON.stringify(event.data)), {
              messageId: event.id,
              type: event.type,
              timestamp: Math.floor(event.recorded_at.getTime() / 1000),
              contentType: 'application/json',
              persistent: true,
              headers: event.trace_context ?? undefined,
              timeout: confirmTimeoutMs,
            }),
          ),
        ),
      )
      await transaction
        .updateTable('outbox_events')
        .set({ published_at: sql`now()` })
        .where(
          'id',
          'in',
          events.map((event) => event.id),
        )
        .execute()
      return events.length
    })
  }

  schedule(0)
  return {
    async backlog() {
      const { count } = await db
        .selectFrom('outbox_events')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .where('published_at', 'is', null)
        .executeTakeFirstOrThrow()
      return Number(count)
    },
    wake: () => {
      if (!running) schedule(0)
    },
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
      await channel.close()
    },
  }
}
