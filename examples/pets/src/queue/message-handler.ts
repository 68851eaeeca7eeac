import type { Static, TSchema } from 'typebox'

export interface MessageContext {
  /** The sender's message id: the same on every delivery of one message. */
  readonly messageId: string
  /**
   * Unique to this message on this queue: give it to the use case (for its inbox) so that a
   * redelivery has no second effect.
   */
  readonly messageKey: string
  /** 1 on the first delivery, counting the retries this service scheduled. */
  readonly attempt: number
}

export interface ExchangeBinding {
  readonly exchange: string
  readonly routingKey: string
}

/**
 * What a consumer reads and what it does with each message: the queue, the schema each message is
 * checked against (the same TypeBox source as the HTTP routes), and the use case it calls.
 */
export interface MessageHandler<Schema extends TSchema = TSchema> {
  readonly queue: string
  /** One line for the AsyncAPI document. */
  readonly summary: string
  /** Exchanges whose messages are routed to the queue; none for a queue senders address directly. */
  readonly bindings?: readonly ExchangeBinding[]
  readonly schema: Schema
  handle(message: Static<Schema>, context: MessageContext): Promise<void>
}

/** Keeps the schema's type between the definition and `handle`. */
export function messageHandler<Schema extends TSchema>(
  handler: MessageHandler<Schema>,
): MessageHandler<Schema> {
  return handler
}
