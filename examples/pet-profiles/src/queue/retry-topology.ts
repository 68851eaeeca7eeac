import type { ConfirmChannel } from 'amqplib'
import type { ExchangeBinding } from './message-handler.js'

export interface RetryPolicy {
  /** Deliveries of one message before it goes to the dead-letter queue. */
  readonly maxAttempts: number
  /** The wait before the first retry; each further one waits twice as long. */
  readonly retryDelayMs: number
}

/** The wait before attempt `attempt + 1`. */
export const retryDelayAfter = (attempt: number, { retryDelayMs }: RetryPolicy) =>
  retryDelayMs * 2 ** (attempt - 1)

/**
 * One queue per wait: a message sits in `<queue>.retry.<wait>ms` until its TTL sends it back to
 * the queue. A queue per wait, rather than one with a TTL per message, lets no long wait hold up a
 * short one behind it, and the name carries the wait so a changed setting declares new queues
 * instead of clashing with the old ones.
 */
export const retryQueueOf = (queue: string, delayMs: number) => `${queue}.retry.${delayMs}ms`

/** Where messages that cannot be applied end, with the reason in their headers. */
export const deadLetterQueueOf = (queue: string) => `${queue}.dead-letter`

/** Declares the queue, its bindings, its retry queues and its dead-letter queue; all durable. */
export async function declareTopology(
  channel: ConfirmChannel,
  queue: string,
  bindings: readonly ExchangeBinding[],
  policy: RetryPolicy,
): Promise<void> {
  await channel.assertQueue(queue, { durable: true })
  for (const { exchange, routingKey } of bindings) {
    await channel.assertExchange(exchange, 'topic', { durable: true })
    await channel.bindQueue(queue, exchange, routingKey)
  }
  for (let attempt = 1; attempt < policy.maxAttempts; attempt++) {
    const delayMs = retryDelayAfter(attempt, policy)
    await channel.assertQueue(retryQueueOf(queue, delayMs), {
      durable: true,
      arguments: {
        'x-message-ttl': delayMs,
        'x-dead-letter-exchange': '',
        'x-dead-letter-routing-key': queue,
      },
    })
  }
  await channel.assertQueue(deadLetterQueueOf(queue), { durable: true })
}
