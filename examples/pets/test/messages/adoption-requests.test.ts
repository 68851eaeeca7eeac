import { Compile } from 'typebox/compile'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { PetAdoptedSchema } from '../../src/messages/pets.messages.js'
import { deadLetterQueueOf } from '../../src/queue/retry-topology.js'
import { brokerUrl, eventually, scratchName, testChannel } from '../support/broker.js'
import { appUnderTest } from '../support/http.js'
import { type Engine, testEngines } from '../support/test-database.js'

const url = brokerUrl()

describe.skipIf(!url).each(testEngines())(
  'adoption requests by message, on %s and RabbitMQ',
  (engine: Engine) => {
    const prefix = scratchName('pets')
    const exchange = `${prefix}.events`
    const queue = `${prefix}.adoption-requests`
    const subscriber = `${prefix}.subscriber`
    const app = appUnderTest(engine, {
      AMQP_URL: url as string,
      AMQP_QUEUE_PREFIX: prefix,
      AMQP_EVENTS_EXCHANGE: exchange,
      AMQP_RETRY_DELAY_MS: '50',
      AMQP_RELAY_INTERVAL_MS: '20',
    })
    let admin: Awaited<ReturnType<typeof testChannel>>

    beforeAll(async () => {
      admin = await testChannel(url as string)
      await admin.channel.assertExchange(exchange, 'topic', { durable: true })
      await admin.channel.assertQueue(subscriber, { durable: false })
      await admin.channel.bindQueue(subscriber, exchange, 'pet.#')
      await eventually(async () => (await admin.messageCount(queue)) !== undefined)
    })
    afterAll(async () => {
      await admin.deleteQueues(subscriber, deadLetterQueueOf(queue))
      await admin.close()
    })
    beforeEach(async () => {
      await app.database.truncateAll()
      await admin.drain(subscriber)
    })

    async function anOwner(name: string): Promise<string> {
      return (await app.http.post('/owners').send({ name }).expect(201)).body.id
    }

    async function aPetOf(ownerId: string, name = 'Rex'): Promise<string> {
      return (await app.http.post('/pets').send({ name, ownerId, species: 'dog' }).expect(201)).body.id
    }

    async function ownerOf(petId: string): Promise<string> {
      return (await app.http.get(`/pets/${petId}`).expect(200)).body.ownerId
    }

    it('adopts the pet, and publishes pet.adopted with the event id as its message id', async () => {
      const alice = await anOwner('Alice')
      const bob = await anOwner('Bob')
      const rex = await aPetOf(alice)

      await admin.send(queue, { petId: rex, ownerId: bob }, 'request-1')

      await eventually(async () => (await ownerOf(rex)) === bob)
      await eventually(async () => (await admin.messageCount(subscriber)) === 1)
      const [event] = await admin.drain(subscriber)
      const data = JSON.parse(event?.content.toString() ?? '')
      expect(event?.fields.routingKey).toBe('pet.adopted')
      expect(Compile(PetAdoptedSchema).Check(data)).toBe(true)
      expect(data).toMatchObject({ petId: rex, ownerId: bob, previousOwnerId: alice })
      const [recorded] = await app.database.db.selectFrom('outbox_events').select('id').execute()
      expect(event?.properties.messageId).toBe(recorded?.id)
    })

    it('applies a message delivered twice once: the second delivery changes nothing and publishes nothing', async () => {
      const alice = await anOwner('Alice')
      const bob = await anOwner('Bob')
      const carol = await anOwner('Carol')
      const rex = await aPetOf(alice)

      await admin.send(queue, { petId: rex, ownerId: bob }, 'request-2')
      await eventually(async () => (await ownerOf(rex)) === bob)
      await admin.send(queue, { petId: rex, ownerId: carol }, 'request-2')
      await admin.send(queue, { petId: rex, ownerId: carol }, 'request-3')

      await eventually(async () => (await ownerOf(rex)) === carol)
      await eventually(async () => (await admin.messageCount(subscriber)) === 2)
      const events = (await admin.drain(subscriber)).map((message) => JSON.parse(message.content.toString()))
      expect(events.map((event) => event.ownerId)).toEqual([bob, carol])
      expect(await app.database.db.selectFrom('inbox_messages').select('message_key').execute()).toEqual([
        { message_key: `${queue}/request-2` },
        { message_key: `${queue}/request-3` },
      ])
    })

    it('dead-letters a request the domain refuses, with its code, and one that names no pet', async () => {
      const alice = await anOwner('Alice')
      const rex = await aPetOf(alice)

      await admin.send(queue, { petId: rex, ownerId: alice }, 'request-4')
      await admin.send(queue, { petId: 'rex', ownerId: alice }, 'request-5')

      await eventually(async () => (await admin.messageCount(deadLetterQueueOf(queue))) === 2)
      const reasons = new Map(
        (await admin.drain(deadLetterQueueOf(queue))).map((message) => [
          message.properties.messageId,
          String(message.properties.headers?.['x-dead-letter-reason']),
        ]),
      )
      expect(reasons.get('request-4')).toMatch(/^PET\.ALREADY_OWNED/)
      expect(reasons.get('request-5')).toMatch(/^petId: /)
      expect(await ownerOf(rex)).toBe(alice)
    })

    it('reports the broker in readiness, counts messages in /metrics and describes them in AsyncAPI', async () => {
      const ready = await app.http.get('/health/ready').expect(200)
      expect(ready.body.dependencies).toContainEqual(
        expect.objectContaining({ name: 'broker', status: 'up', optional: true }),
      )

      const metrics = (await app.http.get('/metrics').expect(200)).text
      for (const name of [
        'queue_messages_consumed_total',
        'queue_messages_dead_lettered_total',
        'outbox_events_published_total',
        'outbox_backlog_events',
      ]) {
        expect(metrics).toContain(name)
      }

      const asyncApi = (await app.http.get('/docs/asyncapi.json').expect(200)).body
      expect(asyncApi.asyncapi).toBe('3.0.0')
      expect(
        Object.values(asyncApi.channels).map((channel) => (channel as { address: string }).address),
      ).toEqual([queue, 'pet.adopted'])
      expect(asyncApi.components.messages.PetAdopted.payload.required).toContain('previousOwnerId')
    })
  },
)
