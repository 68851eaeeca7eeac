import amqp, { type ChannelWrapper } from 'amqp-connection-manager'
import type { ConfirmChannel } from 'amqplib'

export interface BrokerLog {
  info(details: object, message: string): void
  warn(details: object, message: string): void
}

export interface BrokerOptions {
  /** How the connection shows in the broker's management UI. */
  readonly name: string
  readonly log: BrokerLog
  /** How long to wait between attempts to reconnect. */
  readonly reconnectSeconds?: number
}

export interface Broker {
  /** True while a connection to the broker is open. */
  isConnected(): boolean
  /**
   * A confirm channel that survives reconnects: `setup` (declaring what the channel uses) runs
   * again on every new connection, and publishes wait for one.
   */
  channel(name: string, setup: (channel: ConfirmChannel) => Promise<unknown>): ChannelWrapper
  close(): Promise<void>
}

/**
 * RabbitMQ at `url`, through amqp-connection-manager: the connection is retried for as long as the
 * broker is away, so a service starts and keeps serving HTTP while its broker is down.
 */
export function openBroker(url: string, { name, log, reconnectSeconds = 1 }: BrokerOptions): Broker {
  const connection = amqp.connect([url], {
    reconnectTimeInSeconds: reconnectSeconds,
    heartbeatIntervalInSeconds: 5,
    connectionOptions: { clientProperties: { connection_name: name } },
  })
  const where = redacted(url)
  connection.on('connect', () => log.info({ broker: where }, 'connected to the broker'))
  connection.on('disconnect', ({ err }) => log.warn({ broker: where, err }, 'lost the broker: reconnecting'))
  connection.on('connectFailed', ({ err }) =>
    log.warn({ broker: where, reason: err.message }, 'cannot reach the broker: retrying'),
  )
  return {
    isConnected: () => connection.isConnected(),
    channel: (channelName, setup) => connection.createChannel({ name: channelName, confirm: true, setup }),
    close: () => connection.close(),
  }
}

/** The URL without its password, for logs. */
function redacted(url: string): string {
  const parsed = new URL(url)
  if (parsed.password) parsed.password = '***'
  return parsed.toString()
}
