import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  brokerProxy,
  brokerUrl,
  eventually,
  scratchName,
  testChannel,
} from '../../template/test/support/broker.js'
import { addOwner } from '../support/pets.js'
import { createPrivateSchema, type PrivateSchema, postgresUrl } from '../support/postgres.js'
import { repositoryRoot } from '../support/run.js'
import { postJson, type ServiceProcess, startReady } from '../support/service-process.js'

const amqpUrl = brokerUrl()
const databaseServer = postgresUrl()
const messages = 1_000
const pets = join(repositoryRoot, 'examples/pets')

/**
 * The pets service on PostgreSQL and RabbitMQ, taking 1,000 adoption requests (a tenth of them
 * sent twice, as a producer that retries does) while the broker goes away once (every connection
 * dropped and refused for 1.5 s, as a restart does, through a proxy: the broker itself is shared
 * with the tests running beside this one), the service is sent SIGTERM once and, later, killed
 * once, and started again each time: each request is applied exactly once, and every event its
 * adoption recorded is published at least once, with a stable id.
 */
describe.skipIf(!amqpUrl || !databaseServer)(
  'adoption requests across a broker restart and a SIGTERM',
  () => {
    const prefix = scratchName('pets')
    const queue = `${prefix}.adoption-requests`
    const exchange = `${prefix}.events`
    const subscriber = `${prefix}.subscriber`
    let schema: PrivateSchema
    let proxy: Awaited<ReturnType<typeof brokerProxy>>
    let admin: Awaited<ReturnType<typeof testChannel>>
    let service: ServiceProcess | undefined

    const start = () =>
      startReady(process.execPath, ['--import', 'tsx', 'src/main.ts'], pets, {
        DATABASE_URL: schema.url,
        AMQP_URL: proxy.url,
        AMQP_QUEUE_PREFIX: prefix,
        AMQP_EVENTS_EXCHANGE: exchange,
        AMQP_RELAY_INTERVAL_MS: '50',
        AMQP_RETRY_DELAY_MS: '200',
      })

    beforeAll(async () => {
      schema = await createPrivateSchema(databaseServer as string)
      proxy = await brokerProxy(amqpUrl as string)
      admin = await testChannel(amqpUrl as string)
      await admin.channel.assertExchange(exchange, 'topic', { durable: true })
      await admin.channel.assertQueue(subscriber, { durable: true })
      await admin.channel.bindQueue(subscriber, exchange, 'pet.#')
      service = await start()
    })

    afterAll(async () => {
      await service?.stop()
      await admin?.deleteQueues(subscriber, queue, `${queue}.dead-letter`)
      await admin?.channel.deleteExchange(exchange)
      await admin?.close()
      await proxy?.close()
      await schema?.drop()
    })

    const applied = async () =>
      Number((await schema.query<{ count: string }>('select count(*) from inbox_messages'))[0]?.count)

    it('applies each request once and publishes every recorded event', async () => {
      const baseUrl = service?.baseUrl as string
      const giver = await addOwner(baseUrl, 'Giver')
      const adopter = await addOwner(baseUrl, 'Adopter')
      const petIds: string[] = []
      for (let n = 0; n < messages; n++) {
        const response = await postJson(`${baseUrl}/pets`, {
          name: `pet-${n}`,
          ownerId: giver,
          species: 'cat',
        })
        petIds.push(((await response.json()) as { id: string }).id)
      }
      await eventually(async () => (await admin.messageCount(queue)) !== undefined)

      const sending = (async () => {
        for (const [n, petId] of petIds.entries()) {
          await admin.send(queue, { petId, ownerId: adopter }, `request-${n}`)
          if (n % 10 === 0) await admin.send(queue, { petId, ownerId: adopter }, `request-${n}`)
        }
      })()

      await eventually(async () => (await applied()) >= 250, 60_000)
      proxy.cut()
      await new Promise((resolve) => setTimeout(resolve, 1_500))
      proxy.restore()

      await eventually(async () => (await applied()) >= 550, 60_000)
      const stopping = service
      await stopping?.stop()
      expect(await stopping?.exited, stopping?.output()).toBe(0)
      service = await start()

      // A crash: whatever was committed and not yet acknowledged or published is done again.
      await eventually(async () => (await applied()) >= 800, 60_000)
      const crashing = service
      process.kill(-(crashing.pid as number), 'SIGKILL')
      await crashing.exited
      service = await start()
      await sending

      await eventually(async () => (await applied()) >= messages, 120_000)
      await eventually(async () => (await admin.messageCount(queue)) === 0, 30_000)
      expect(await applied()).toBe(messages)
      const backlog = async () =>
        Number(
          (
            await schema.query<{ count: string }>(
              'select count(*) from outbox_events where published_at is null',
            )
          )[0]?.count,
        )
      await eventually(async () => (await backlog()) === 0, 30_000)

      const owners = await schema.query<{ owner_id: string }>('select distinct owner_id from pets')
      expect(owners).toEqual([{ owner_id: adopter }])
      const recorded = await schema.query<{ id: string; type: string }>('select id, type from outbox_events')
      expect(recorded).toHaveLength(messages)
      expect(new Set(recorded.map((event) => event.type))).toEqual(new Set(['pet.adopted']))
      expect(await admin.messageCount(`${queue}.dead-letter`)).toBe(0)

      await eventually(async () => ((await admin.messageCount(subscriber)) ?? 0) >= messages, 30_000)
      const delivered = await admin.drain(subscriber)
      const deliveredIds = new Set(delivered.map((message) => message.properties.messageId))
      expect(deliveredIds).toEqual(new Set(recorded.map((event) => event.id)))
      const adoptedPets = new Set(delivered.map((message) => JSON.parse(message.content.toString()).petId))
      expect(adoptedPets.size).toBe(messages)
    }, 300_000)
  },
)
