import type { ConsumeMessage } from 'amqplib'
import type { TSchema } from 'typebox'
import { Compile } from 'typebox/compile'
import type { Broker, BrokerLog } from '../clients/queue/broker.js'
import { DomainError } from '../domain/errors.js'
import { fieldErrorsOf } from '../web/field-errors.js'
import type { MessageHandler } from './message-handler.js'
import type { DeadLetterCause, QueueMetrics } from './queue-metrics.js'
import {
  deadLetterQueueOf,
  declareTopology,
  type RetryPolicy,
  retryDelayAfter,
  retryQueueOf,
} from './retry-topology.js'

export interface ConsumerOptions extends RetryPolicy {
  /** Messages delivered and not yet acknowledged, at most: the consumer's concurrency. */
  readonly prefetch: number
}

export interface ConsumerHooks {
  readonly log: BrokerLog & { error(details: object, message: string): void }
  readonly metrics: QueueMetrics
}

export interface RunningConsumer {
  /** Stops taking messages, finishes those in flight, then closes the channel. */
  stop(): Promise<void>
}

const attemptHeader = 'x-attempt'
const reasonHeader = 'x-dead-letter-reason'

/**
 * Consumes the handler's queue, at least once: a message is acknowledged only after its use case
 * has returned (and so committed). A message that is not valid, or that the domain refuses, goes
 * to the dead-letter queue at once with the reason; one whose handler fails otherwise (a database
 * away) is retried with a growing wait, and dead-lettered once out of attempts.
 */
export function startConsumer(
  broker: Broker,
  handler: MessageHandler,
  options: ConsumerOptions,
  { log, metrics }: ConsumerHooks,
): RunningConsumer {
  const { queue } = handler
  const check = Compile(handler.schema as TSchema)
  const inFlight = new Set<Promise<void>>()
  // A delivery tag belongs to the channel that delivered it: after a reconnect, acknowledging an
  // older one would close the new channel. Such a message is redelivered, and the inbox absorbs it.
  let channelGeneration = 0
  // Setup runs on every new channel before its consumer starts, so each delivery knows its channel.
  const channel = broker.channel(`consume ${queue}`, (raw) => {
    channelGeneration++
    return declareTopology(raw, queue, handler.bindings ?? [], options)
  })
  channel.on('error', (err) => log.error({ err, queue }, 'cannot set up the queue'))
  void channel
    .consume(queue, (message) => track(receive(message, channelGeneration)), { prefetch: options.prefetch })
    .catch((err: unknown) => log.error({ err, queue }, 'cannot consume the queue'))

  function track(work: Promise<void>): void {
    inFlight.add(work)
    void work.finally(() => inFlight.delete(work))
  }

  async function receive(message: ConsumeMessage, generation: number): Promise<void> {
    try {
      const settled = await settle(message)
      if (settled.forward) {
        if (generation !== channelGeneration) return
        await channel.sendToQueue(settled.forward.queue, message.content, settled.forward.options)
      }
      if (generation === channelGeneration) channel.ack(message)
    } catch (err) {
      // Neither acknowledged nor forwarded: the broker redelivers it once the channel is back.
      log.warn({ err, queue, messageId: message.properties.messageId }, 'message left for redelivery')
    }
  }

  async function settle(message: ConsumeMessage): Promise<Settled> {
    const attempt = Number(message.properties.headers?.[attemptHeader] ?? 1) || 1
    const messageId = message.properties.messageId as string | undefined
    if (!messageId) return deadLetter(message, 'invalid', 'the message has no message id')
    const body = parsed(message.content)
    if (body === notJson) return deadLetter(message, 'invalid', 'the body is not JSON')
    if (!check.Check(body)) {
      const errors = fieldErrorsOf([...check.Errors(body)], 'message')
      return deadLetter(
        message,
        'invalid',
        errors.map((error) => `${error.field || '(message)'}: ${error.message}`).join('; '),
      )
    }
    try {
      await handler.handle(body, { messageId, messageKey: `${queue}/${messageId}`, attempt })
      metrics.consumed(queue)
      return {}
    } catch (error) {
      metrics.failed(queue)
      if (error instanceof DomainError && error.kind !== 'unavailable') {
        return deadLetter(message, 'rejected', `${error.code}: ${error.message}`)
      }
      const reason = error instanceof Error ? error.message : String(error)
      if (attempt >= options.maxAttempts) {
        return deadLetter(message, 'exhausted', `failed ${attempt} times, last: ${reason}`)
      }
      const delayMs = retryDelayAfter(attempt, options)
      log.warn({ queue, messageId, attempt, delayMs, reason }, 'message failed: retrying')
      return forward(message, retryQueueOf(queue, delayMs), { [attemptHeader]: attempt + 1 })
    }
  }

  function deadLetter(message: ConsumeMessage, cause: DeadLetterCause, reason: string): Settled {
    metrics.deadLettered(queue, cause)
    log.warn({ queue, messageId: message.properties.messageId, cause, reason }, 'message dead-lettered')
    return forward(message, deadLetterQueueOf(queue), { [reasonHeader]: reason })
  }

  return {
    async stop() {
      await channel.cancelAll()
      await Promise.allSettled([...inFlight])
      await channel.close()
    },
  }
}

interface Settled {
  /** Where the message goes before it is acknowledged; nowhere when it was applied. */
  readonly forward?: { readonly queue: string; readonly options: object }
}

/** The message as it came, with `headers` added, persistent. */
function forward(message: ConsumeMessage, queue: string, headers: Record<string, unknown>): Settled {
  const { properties } = message
  return {
    forward: {
      queue,
      options: {
        ...properties,
        persistent: true,
        headers: { ...properties.headers, ...headers },
      },
    },
  }
}

const notJson = Symbol('not JSON')

function parsed(content: Buffer): unknown {
  try {
    return JSON.parse(content.toString('utf8'))
  } catch {
    return notJson
  }
}
