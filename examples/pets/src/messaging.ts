import { Gauge, type Registry } from 'prom-client'
import type { Database } from './clients/database/database.js'
import { openBroker } from './clients/queue/broker.js'
import type { DependencyProbe } from './domain/health/dependency-probe.port.js'
import { createBrokerProbe } from './gateways/broker.probe.js'
import { startPruning } from './gateways/message-retention.js'
import { startOutboxRelay } from './gateways/outbox-relay.js'
import type { Messaging } from './queue/asyncapi.js'
import type { ConsumerOptions } from './queue/consumer.js'
import { startConsumers } from './queue/consumers.js'
import { registerQueueMetrics } from './queue/queue-metrics.js'
import type { Server } from './web/server.js'

/** The broker settings connectBroker uses: config.broker, as app.ts passes it. */
export interface BrokerSettings extends ConsumerOptions {
  readonly url: string
  readonly exchange: string
  readonly relayIntervalMs: number
  readonly relayBatchSize: number
  readonly retentionHours: number
}

export interface BrokerConnection {
  /** How the connection shows in the broker: the service's name. */
  readonly name: string
  readonly server: Server
  readonly database: Database
  readonly metrics: Registry
  readonly settings: BrokerSettings
  readonly messaging: Messaging
}

/**
 * The broker's part of the composition root, beside app.ts: connects, publishes the outbox's
 * events and starts the consumers; on close, stops consuming, finishes the
 * messages in flight and the batch in hand, then disconnects. Returns the broker's probe.
 */
export function connectBroker({
  name,
  server,
  database,
  metrics,
  settings,
  messaging,
}: BrokerConnection): DependencyProbe {
  const broker = openBroker(settings.url, { name, log: server.log })
  const queueMetrics = registerQueueMetrics(metrics)
  const relay = startOutboxRelay(database.db, broker, {
    exchange: settings.exchange,
    intervalMs: settings.relayIntervalMs,
    batchSize: settings.relayBatchSize,
    log: server.log,
    onPublished: (count) => queueMetrics.published(settings.exchange, count),
  })
  new Gauge({
    name: 'outbox_backlog_events',
    help: 'Events recorded and not yet published.',
    registers: [metrics],
    async collect() {
      this.set(await relay.backlog().catch(() => Number.NaN))
    },
  })
  const pruning = startPruning(database.db, {
    keepHours: settings.retentionHours,
    intervalMs: 3_600_000,
    log: server.log,
  })
  const consumers = startConsumers(broker, messaging.consumers, settings, {
    log: server.log,
    metrics: queueMetrics,
  })
  server.addHook('onClose', async () => {
    pruning.stop()
    await consumers.stop()
    await relay.stop()
    await broker.close()
  })
  return createBrokerProbe(broker)
}
