import type { TSchema } from 'typebox'
import type { MessageHandler } from './message-handler.js'

/** An event this service publishes: its type (the routing key) and the schema of its data. */
export interface PublishedEvent {
  readonly type: string
  readonly summary: string
  readonly schema: TSchema
}

export interface AsyncApiInfo {
  readonly title: string
  readonly version: string
  readonly description: string
}

export interface Messaging {
  /** The topic exchange events are published to. */
  readonly exchange: string
  readonly consumers: readonly MessageHandler[]
  readonly events: readonly PublishedEvent[]
}

/**
 * The AsyncAPI 3 document of what the service consumes and publishes, from the same schemas the
 * consumers check messages against: it cannot drift from the code.
 */
export function asyncApiDocument(info: AsyncApiInfo, { exchange, consumers, events }: Messaging) {
  const channels: Record<string, object> = {}
  const operations: Record<string, object> = {}
  const messages: Record<string, object> = {}

  for (const consumer of consumers) {
    const id = identifierOf(consumer.queue)
    const message = messageNameOf(consumer.schema, id)
    messages[message] = messageOf(message, consumer.summary, consumer.schema)
    channels[id] = {
      address: consumer.queue,
      messages: { [message]: { $ref: `#/components/messages/${message}` } },
      bindings: {
        amqp: {
          is: 'queue',
          queue: { name: consumer.queue, durable: true, exclusive: false, autoDelete: false },
        },
      },
    }
    operations[`receive${capitalised(id)}`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${id}` },
      summary: consumer.summary,
      messages: [{ $ref: `#/channels/${id}/messages/${message}` }],
    }
  }
  for (const event of events) {
    const id = identifierOf(event.type)
    const message = messageNameOf(event.schema, id)
    messages[message] = messageOf(message, event.summary, event.schema)
    channels[id] = {
      address: event.type,
      messages: { [message]: { $ref: `#/components/messages/${message}` } },
      bindings: {
        amqp: {
          is: 'routingKey',
          exchange: { name: exchange, type: 'topic', durable: true, autoDelete: false },
        },
      },
    }
    operations[`send${capitalised(id)}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${id}` },
      summary: event.summary,
      messages: [{ $ref: `#/channels/${id}/messages/${message}` }],
    }
  }
  return {
    asyncapi: '3.0.0',
    info,
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { messages },
  }
}

function messageOf(name: string, summary: string, schema: TSchema) {
  return {
    name,
    title: name,
    summary,
    description:
      'Sent persistent, with its AMQP message_id the same on every delivery: consumers apply it once by that id.',
    contentType: 'application/json',
    payload: schema,
  }
}

function messageNameOf(schema: TSchema, fallback: string): string {
  const title = (schema as { title?: unknown }).title
  return typeof title === 'string' && /^[\w.-]+$/.test(title) ? title : capitalised(fallback)
}

/** `pets.adoption-requests` -> `petsAdoptionRequests`: a key AsyncAPI accepts. */
function identifierOf(name: string): string {
  return name.replace(/[^A-Za-z0-9]+(.)?/g, (_match, next: string | undefined) => (next ?? '').toUpperCase())
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
