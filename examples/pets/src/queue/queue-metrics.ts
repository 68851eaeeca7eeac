import { Counter, type Registry } from 'prom-client'

export type DeadLetterCause = 'invalid' | 'rejected' | 'exhausted'

export interface QueueMetrics {
  consumed(queue: string): void
  failed(queue: string): void
  deadLettered(queue: string, cause: DeadLetterCause): void
  published(exchange: string, count: number): void
}

/** Counters of the messages this service consumed and published, by queue or exchange. */
export function registerQueueMetrics(registry: Registry): QueueMetrics {
  const consumed = new Counter({
    name: 'queue_messages_consumed_total',
    help: 'Messages applied and acknowledged, by queue.',
    labelNames: ['queue'] as const,
    registers: [registry],
  })
  const failed = new Counter({
    name: 'queue_messages_failed_total',
    help: 'Deliveries whose handler failed, by queue; each is retried or dead-lettered.',
    labelNames: ['queue'] as const,
    registers: [registry],
  })
  const deadLettered = new Counter({
    name: 'queue_messages_dead_lettered_total',
    help: 'Messages sent to the dead-letter queue, by queue and cause: invalid, rejected by the domain, or out of attempts.',
    labelNames: ['queue', 'cause'] as const,
    registers: [registry],
  })
  const published = new Counter({
    name: 'outbox_events_published_total',
    help: 'Events the broker confirmed, by exchange.',
    labelNames: ['exchange'] as const,
    registers: [registry],
  })
  return {
    consumed: (queue) => consumed.inc({ queue }),
    failed: (queue) => failed.inc({ queue }),
    deadLettered: (queue, cause) => deadLettered.inc({ queue, cause }),
    published: (exchange, count) => published.inc({ exchange }, count),
  }
}
