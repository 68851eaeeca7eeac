import { Registry } from 'prom-client'
import { Type } from 'typebox'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Broker } from '../../src/clients/queue/broker.js'
import { RuleViolationError } from '../../src/domain/errors.js'
import { type ConsumerOptions, type RunningConsumer, startConsumer } from '../../src/queue/consumer.js'
import { type MessageContext, messageHandler } from '../../src/queue/message-handler.js'
import { registerQueueMetrics } from '../../src/queue/queue-metrics.js'
import { deadLetterQueueOf, retryDelayAfter, retryQueueOf } from '../../src/queue/retry-topology.js'
import {
  brokerProxy,
  brokerUrl,
  eventually,
  openTestBroker,
  scratchName,
  silentLog,
  testChannel,
} from '../support/broker.js'

const url = brokerUrl()
const Counted = Type.Object({ n: Type.Integer({ minimum: 0 }) }, { additionalProperties: false })

class TooLarge extends RuleViolationError {
  readonly code = 'TEST.TOO_LARGE'
}

const options: ConsumerOptions = { prefetch: 8, maxAttempts: 3, retryDelayMs: 40 }

describe.skipIf(!url)('a queue consumer, on RabbitMQ', () => {
  let admin: Awaited<ReturnType<typeof testChannel>>
  let broker: Broker | undefined
  let consumer: RunningConsumer | undefined
  let queue: string

  beforeAll(async () => {
    admin = await testChannel(url as string)
  })
  afterAll(() => admin.close())
  afterEach(async () => {
    await consumer?.stop()
    await broker?.close()
    consumer = broker = undefined
    const retries = Array.from({ length: options.maxAttempts - 1 }, (_, i) =>
      retryQueueOf(queue, retryDelayAfter(i + 1, options)),
    )
    await admin.deleteQueues(queue, deadLetterQueueOf(queue), ...retries)
  })

  /** Starts a consumer of a new queue with `handle`; returns what it was given, in order. */
  function consume(
    handle: (message: { n: number }, context: MessageContext) => Promise<void>,
    { brokerAt = url as string, consumerOptions = options } = {},
  ) {
    queue = scratchName('consumer')
    broker = openTestBroker(brokerAt)
    const metrics = new Registry()
    consumer = startConsumer(
      broker,
      messageHandler({ queue, summary: 'Counts.', schema: Counted, handle }),
      consumerOptions,
      { log: silentLog, metrics: registerQueueMetrics(metrics) },
    )
    return { metrics }
  }

  async function messagesIn(name: string): Promise<number | undefined> {
    return admin.messageCount(name)
  }

  it('applies each valid message and acknowledges it, with a key made of the queue and the message id', async () => {
    const seen: MessageContext[] = []
    const { metrics } = consume(async (_message, context) => {
      seen.push(context)
    })
    await queueDeclared()
    for (const n of [1, 2, 3]) await admin.send(queue, { n }, `m-${n}`)

    await eventually(() => seen.length === 3)
    expect(seen.map((context) => context.messageKey)).toEqual([
      `${queue}/m-1`,
      `${queue}/m-2`,
      `${queue}/m-3`,
    ])
    expect(seen.every((context) => context.attempt === 1)).toBe(true)
    await eventually(async () => (await messagesIn(queue)) === 0)
    expect(await metrics.getSingleMetricAsString('queue_messages_consumed_total')).toContain(
      `queue="${queue}"} 3`,
    )
  })

  it.each([
    ['a field the schema refuses', { n: -1 }, 'm-neg', /n: .*(minimum|>=|greater)/i],
    ['a body that is not JSON', 'not json {', 'm-text', /not JSON/],
    ['no message id', { n: 1 }, undefined, /no message id/],
  ])(
    'dead-letters a message with %s, saying why, without calling the use case',
    async (_case, body, id, reason) => {
      let calls = 0
      consume(async () => {
        calls++
      })
      await queueDeclared()
      await admin.send(queue, body, id)

      await eventually(async () => (await messagesIn(deadLetterQueueOf(queue))) === 1)
      const [dead] = await admin.drain(deadLetterQueueOf(queue))
      expect(String(dead?.properties.headers?.['x-dead-letter-reason'])).toMatch(reason)
      expect(dead?.content.toString()).toBe(typeof body === 'string' ? body : JSON.stringify(body))
      expect(calls).toBe(0)
    },
  )

  it('dead-letters at once a message the domain refuses', async () => {
    let calls = 0
    consume(async ({ n }) => {
      calls++
      if (n > 10) throw new TooLarge(`${n} is too large`)
    })
    await queueDeclared()
    await admin.send(queue, { n: 11 }, 'm-11')

    await eventually(async () => (await messagesIn(deadLetterQueueOf(queue))) === 1)
    const [dead] = await admin.drain(deadLetterQueueOf(queue))
    expect(dead?.properties.headers?.['x-dead-letter-reason']).toBe('TEST.TOO_LARGE: 11 is too large')
    expect(dead?.properties.messageId).toBe('m-11')
    expect(calls).toBe(1)
  })

  it('retries a failing message with a growing wait, and applies it once the failure passes', async () => {
    const attempts: { attempt: number; at: number }[] = []
    consume(async (_message, { attempt }) => {
      attempts.push({ attempt, at: Date.now() })
      if (attempt < 3) throw new Error('database away')
    })
    await queueDeclared()
    await admin.send(queue, { n: 1 }, 'm-flaky')

    await eventually(() => attempts.length === 3)
    expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3])
    const [first, second, third] = attempts.map((a) => a.at) as [number, number, number]
    expect(second - first).toBeGreaterThanOrEqual(options.retryDelayMs - 5)
    expect(third - second).toBeGreaterThanOrEqual(2 * options.retryDelayMs - 5)
    await eventually(async () => (await messagesIn(queue)) === 0)
    expect(await messagesIn(deadLetterQueueOf(queue))).toBe(0)
  })

  it('dead-letters a message that keeps failing, after its attempts, with the last reason', async () => {
    let calls = 0
    const { metrics } = consume(async () => {
      calls++
      throw new Error('database away')
    })
    await queueDeclared()
    await admin.send(queue, { n: 1 }, 'm-doomed')

    await eventually(async () => (await messagesIn(deadLetterQueueOf(queue))) === 1)
    const [dead] = await admin.drain(deadLetterQueueOf(queue))
    expect(dead?.properties.headers?.['x-dead-letter-reason']).toBe('failed 3 times, last: database away')
    expect(calls).toBe(options.maxAttempts)
    expect(await metrics.getSingleMetricAsString('queue_messages_dead_lettered_total')).toContain(
      `queue="${queue}",cause="exhausted"} 1`,
    )
  })

  it('holds no more messages at once than its prefetch', async () => {
    let inFlight = 0
    let most = 0
    let done = 0
    consume(
      async () => {
        most = Math.max(most, ++inFlight)
        await new Promise((resolve) => setTimeout(resolve, 20))
        inFlight--
        done++
      },
      { consumerOptions: { ...options, prefetch: 3 } },
    )
    await queueDeclared()
    for (let n = 0; n < 12; n++) await admin.send(queue, { n }, `m-${n}`)

    await eventually(() => done === 12)
    expect(most).toBe(3)
  })

  it('on stop, takes no more messages, finishes those in flight, then acknowledges them', async () => {
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const started: number[] = []
    const finished: number[] = []
    consume(
      async ({ n }) => {
        started.push(n)
        await gate
        finished.push(n)
      },
      { consumerOptions: { ...options, prefetch: 2 } },
    )
    await queueDeclared()
    for (let n = 0; n < 5; n++) await admin.send(queue, { n }, `m-${n}`)
    await eventually(() => started.length === 2)

    const stopping = consumer?.stop()
    consumer = undefined
    let stopped = false
    void stopping?.then(() => {
      stopped = true
    })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(stopped).toBe(false)
    release()
    await stopping

    expect(finished).toEqual(started)
    expect(started).toHaveLength(2)
    expect(await messagesIn(queue)).toBe(3)
  })

  it('loses no message when the broker goes away in the middle of a stream', async () => {
    const proxy = await brokerProxy(url as string)
    const applied = new Map<string, number>()
    try {
      consume(
        async (_message, { messageId }) => {
          await new Promise((resolve) => setTimeout(resolve, 2))
          applied.set(messageId, (applied.get(messageId) ?? 0) + 1)
        },
        { brokerAt: proxy.url },
      )
      await queueDeclared()
      const sending = (async () => {
        for (let n = 0; n < 300; n++) await admin.send(queue, { n }, `m-${n}`)
      })()
      await eventually(() => applied.size >= 60)
      proxy.cut()
      await new Promise((resolve) => setTimeout(resolve, 300))
      proxy.restore()
      await sending

      await eventually(() => applied.size === 300, 15_000)
      await eventually(async () => (await messagesIn(queue)) === 0, 10_000)
      expect(await messagesIn(deadLetterQueueOf(queue))).toBe(0)
    } finally {
      await consumer?.stop()
      await broker?.close()
      consumer = broker = undefined
      await proxy.close()
    }
  })

  /** The consumer declares its queue once connected; sending before would go nowhere. */
  async function queueDeclared(): Promise<void> {
    await eventually(async () => (await admin.messageCount(queue)) !== undefined)
  }
})
