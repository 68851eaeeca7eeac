import { randomBytes } from 'node:crypto'
import { context, propagation } from '@opentelemetry/api'
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks'
import { W3CTraceContextPropagator } from '@opentelemetry/core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Broker } from '../../src/clients/queue/broker.js'
import { createEventOutbox } from '../../src/gateways/outbox.gateway.js'
import { startOutboxRelay } from '../../src/gateways/outbox-relay.js'
import { createTransactions } from '../../src/gateways/transactions.js'
import { inTraceOf } from '../../src/telemetry/trace-context.js'
import {
  brokerProxy,
  brokerUrl,
  eventually,
  openTestBroker,
  scratchName,
  silentLog,
  testChannel,
} from '../support/broker.js'
import { type Engine, openTestDatabase, type TestDatabase, testEngines } from '../support/test-database.js'

const url = brokerUrl()

/** `work` with W3C trace context propagated, as the tracing SDK sets it up in a traced service. */
async function withTracePropagation<T>(work: () => Promise<T>): Promise<T> {
  propagation.setGlobalPropagator(new W3CTraceContextPropagator())
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable())
  try {
    return await work()
  } finally {
    propagation.disable()
    context.disable()
  }
}

describe.skipIf(!url).each(testEngines())(
  'the outbox relay on %s, publishing to RabbitMQ',
  (engine: Engine) => {
    let database: TestDatabase
    const scopeOf = (db: TestDatabase['db']) => ({ events: createEventOutbox(db) })
    const recorded = () => database.db.selectFrom('outbox_events').selectAll().orderBy('id').execute()
    let admin: Awaited<ReturnType<typeof testChannel>>
    let exchange: string
    let queue: string

    beforeAll(async () => {
      database = await openTestDatabase(engine)
      admin = await testChannel(url as string)
    })
    afterAll(async () => {
      await admin.close()
      await database.close()
    })
    beforeEach(async () => {
      await database.truncateAll()
      exchange = scratchName('events')
      queue = scratchName('subscriber')
      await admin.channel.assertExchange(exchange, 'topic', { durable: true })
      await admin.channel.assertQueue(queue, { durable: false })
      await admin.channel.bindQueue(queue, exchange, 'pet.*')
    })

    async function record(count: number): Promise<string[]> {
      const transactions = createTransactions(database.db, scopeOf)
      for (let n = 0; n < count; n++) {
        await transactions.run(({ events }) => events.record({ type: 'pet.adopted', data: { n } }))
      }
      return (await recorded()).map((row) => row.id)
    }

    function relayOn(broker: Broker, onPublished?: (count: number) => void) {
      return startOutboxRelay(database.db, broker, {
        exchange,
        intervalMs: 20,
        batchSize: 10,
        confirmTimeoutMs: 1_000,
        log: silentLog,
        onPublished,
      })
    }

    it('sends each event in the trace of the change that recorded it, as a W3C traceparent header', async () => {
      const traceparent = `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`
      await withTracePropagation(async () => {
        await inTraceOf({ traceparent }, () => record(1))
        await record(1)
        const broker = openTestBroker(url as string)
        const relay = relayOn(broker)
        try {
          await eventually(async () => (await relay.backlog()) === 0)
          const messages = await admin.drain(queue)
          expect(messages.map((message) => message.properties.headers?.traceparent)).toEqual([
            traceparent,
            undefined,
          ])
        } finally {
          await relay.stop()
          await broker.close()
        }
      })
    })

    it('publishes every event with its id as the message id and its type as the routing key, then marks it', async () => {
      const ids = await record(25)
      const broker = openTestBroker(url as string)
      let published = 0
      const relay = relayOn(broker, (count) => {
        published += count
      })
      try {
        await eventually(async () => (await relay.backlog()) === 0)
        const messages = await admin.drain(queue)
        expect(messages.map((message) => message.properties.messageId)).toEqual(ids)
        expect(messages.map((message) => message.fields.routingKey)).toEqual(ids.map(() => 'pet.adopted'))
        expect(JSON.parse(messages[3]?.content.toString() ?? '')).toEqual({ n: 3 })
        expect(messages.every((message) => message.properties.deliveryMode === 2)).toBe(true)
        expect(published).toBe(25)
        expect((await recorded()).every((row) => row.published_at instanceof Date)).toBe(true)
      } finally {
        await relay.stop()
        await broker.close()
        await admin.deleteQueues(queue)
        await admin.channel.deleteExchange(exchange)
      }
    })

    it('keeps events through a broker outage and publishes them once it is back', async () => {
      const proxy = await brokerProxy(url as string)
      const broker = openTestBroker(proxy.url)
      const relay = relayOn(broker)
      try {
        await eventually(() => broker.isConnected())
        proxy.cut()
        await eventually(() => !broker.isConnected())
        const ids = await record(12)
        await new Promise((resolve) => setTimeout(resolve, 200))
        expect(await relay.backlog()).toBe(12)

        proxy.restore()
        await eventually(async () => (await relay.backlog()) === 0)
        const delivered = (await admin.drain(queue)).map((message) => message.properties.messageId)
        expect(new Set(delivered)).toEqual(new Set(ids))
      } finally {
        await relay.stop()
        await broker.close()
        await proxy.close()
        await admin.deleteQueues(queue)
        await admin.channel.deleteExchange(exchange)
      }
    })
  },
)
