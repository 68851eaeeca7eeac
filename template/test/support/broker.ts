import { randomBytes } from 'node:crypto'
import { createServer, Socket } from 'node:net'
import amqplib from 'amqplib'
import { type Broker, openBroker } from '../../src/clients/queue/broker.js'

const silent = { info() {}, warn() {}, error() {} }
export const silentLog = silent

/**
 * The RabbitMQ the broker tests run on: AMQP_URL, or none, and then they are skipped. With
 * REQUIRE_RABBITMQ=1 a missing AMQP_URL is an error rather than a silent skip.
 */
export function brokerUrl(): string | undefined {
  const url = process.env.AMQP_URL
  if (url) return url
  if (process.env.REQUIRE_RABBITMQ === '1') {
    throw new Error('REQUIRE_RABBITMQ=1 but AMQP_URL is not set: the broker tests cannot run')
  }
  return undefined
}

/** Queue and exchange names no other test (or test run) uses. */
export function scratchName(label: string): string {
  return `test.${label}.${randomBytes(4).toString('hex')}`
}

/** A plain amqplib channel, for the test to send, read and clean up with. */
export async function testChannel(url: string) {
  const connection = await amqplib.connect(url)
  const channel = await connection.createConfirmChannel()
  return {
    channel,
    /** Sends JSON to a queue, persistent, with a message id. */
    async send(queue: string, body: unknown, messageId?: string, headers?: Record<string, unknown>) {
      channel.sendToQueue(queue, Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)), {
        persistent: true,
        messageId,
        headers,
        contentType: 'application/json',
      })
      await channel.waitForConfirms()
    },
    /** Every message in `queue` right now, taken off it. */
    async drain(queue: string) {
      const messages: amqplib.GetMessage[] = []
      for (;;) {
        const message = await channel.get(queue, { noAck: true })
        if (!message) return messages
        messages.push(message)
      }
    },
    /** Messages ready in `queue`, or undefined when there is no such queue. */
    async messageCount(queue: string): Promise<number | undefined> {
      // A check of a missing queue closes the channel it runs on: it gets one of its own.
      const probe = await connection.createChannel()
      probe.on('error', () => {})
      try {
        return (await probe.checkQueue(queue)).messageCount
      } catch {
        return undefined
      } finally {
        await probe.close().catch(() => {})
      }
    },
    async deleteQueues(...queues: string[]) {
      for (const queue of queues) await channel.deleteQueue(queue)
    },
    async close() {
      await connection.close()
    },
  }
}

/**
 * A TCP proxy in front of the broker, to take it away and bring it back the way a broker restart
 * or a network cut does: every open connection is dropped and new ones are refused meanwhile.
 */
export async function brokerProxy(url: string) {
  const target = new URL(url)
  const sockets = new Set<Socket>()
  let up = true
  const server = createServer((client) => {
    if (!up) {
      client.destroy()
      return
    }
    const upstream = new Socket()
    upstream.connect(Number(target.port || 5672), target.hostname)
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.on('error', () => socket.destroy())
    }
    client.pipe(upstream).pipe(client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address() as { port: number }
  const proxied = new URL(url)
  proxied.hostname = '127.0.0.1'
  proxied.port = String(address.port)
  return {
    url: proxied.toString(),
    cut() {
      up = false
      for (const socket of sockets) socket.destroy()
    },
    restore() {
      up = true
    },
    async close() {
      this.cut()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

/** The service's own broker client, quick to reconnect, logging nothing. */
export function openTestBroker(url: string): Broker {
  return openBroker(url, { name: 'test', log: silent, reconnectSeconds: 0.2 })
}

/** Resolves once `condition` holds, checking every 25 ms; rejects after `timeoutMs`. */
export async function eventually(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not so within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}
