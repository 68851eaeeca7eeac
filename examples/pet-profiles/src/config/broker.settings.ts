export interface BrokerSettingDefaults {
  /** The exchange this service publishes its events to. */
  readonly exchange: string
  /** What the names of the queues this service consumes start with. */
  readonly queuePrefix: string
}

/**
 * The settings of the message broker, which is optional: without AMQP_URL the service starts no
 * consumer and no relay, and the events its use cases record wait in the outbox.
 */
export function brokerSettings({ exchange, queuePrefix }: BrokerSettingDefaults) {
  return {
    url: {
      doc: 'RabbitMQ URL, amqp:// or amqps://. Empty: no broker.',
      format: 'optional-amqp-url',
      default: '',
      env: 'AMQP_URL',
      sensitive: true,
    },
    exchange: {
      doc: 'Topic exchange the events are published to, with their type as the routing key.',
      format: 'non-empty-string',
      default: exchange,
      env: 'AMQP_EVENTS_EXCHANGE',
    },
    queuePrefix: {
      doc: 'What the names of the queues this service consumes start with: <prefix>.<queue>.',
      format: 'non-empty-string',
      default: queuePrefix,
      env: 'AMQP_QUEUE_PREFIX',
    },
    prefetch: {
      doc: 'Messages each consumer holds unacknowledged at once: how many it applies in parallel.',
      format: 'positive-integer',
      default: 16,
      env: 'AMQP_PREFETCH',
    },
    maxAttempts: {
      doc: 'Deliveries of a message whose handler fails before it goes to the dead-letter queue.',
      format: 'positive-integer',
      default: 5,
      env: 'AMQP_MAX_ATTEMPTS',
    },
    retryDelayMs: {
      doc: 'Wait before the first retry of a failed message; each further retry waits twice as long.',
      format: 'positive-integer',
      default: 1_000,
      env: 'AMQP_RETRY_DELAY_MS',
    },
    relayIntervalMs: {
      doc: 'How often the outbox is looked at for events to publish.',
      format: 'positive-integer',
      default: 200,
      env: 'AMQP_RELAY_INTERVAL_MS',
    },
    retentionHours: {
      doc: 'How long published events and the keys of applied messages are kept; a message redelivered later than this is applied again.',
      format: 'positive-integer',
      default: 168,
      env: 'AMQP_RETENTION_HOURS',
    },
    relayBatchSize: {
      doc: 'Events published per outbox transaction.',
      format: 'positive-integer',
      default: 100,
      env: 'AMQP_RELAY_BATCH_SIZE',
    },
  }
}
