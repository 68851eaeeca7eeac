import type { Broker } from '../clients/queue/broker.js'
import { type ConsumerHooks, type ConsumerOptions, type RunningConsumer, startConsumer } from './consumer.js'
import type { MessageHandler } from './message-handler.js'

/** A consumer for each handler, stopped together. */
export function startConsumers(
  broker: Broker,
  handlers: readonly MessageHandler[],
  options: ConsumerOptions,
  hooks: ConsumerHooks,
): RunningConsumer {
  const consumers = handlers.map((handler) => startConsumer(broker, handler, options, hooks))
  return {
    async stop() {
      await Promise.all(consumers.map((consumer) => consumer.stop()))
    },
  }
}
