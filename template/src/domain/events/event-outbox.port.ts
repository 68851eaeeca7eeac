import type { DomainEvent } from './domain-event.js'

/**
 * Where a use case records the events of its change, inside the same transaction: an event is
 * published if and only if the change committed, however long the broker is away.
 */
export interface EventOutbox {
  record(event: DomainEvent): Promise<void>
}
