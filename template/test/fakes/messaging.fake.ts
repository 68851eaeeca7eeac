import { randomUUID } from 'node:crypto'
import type { DomainEvent } from '../../src/domain/events/domain-event.js'
import type { EventOutbox } from '../../src/domain/events/event-outbox.port.js'
import type { Inbox } from '../../src/domain/events/inbox.port.js'
import type { Transactions } from '../../src/domain/transactions.port.js'
import { type Memory, tableIn } from './memory.js'

/**
 * Transactions over the fakes of one memory: a run that throws leaves every table as it found it,
 * as a rollback does. Runs are not isolated from each other; use-case tests run one at a time.
 */
export function createFakeTransactions<Scope>(memory: Memory, scope: Scope): Transactions<Scope> {
  return {
    async run(work) {
      const before = [...memory.tables].map(([name, table]) => [name, [...table]] as const)
      try {
        return await work(scope)
      } catch (error) {
        // In place: each fake holds on to its own table.
        for (const table of memory.tables.values()) table.clear()
        for (const [name, items] of before)
          for (const [id, item] of items) tableIn(memory, name).set(id, item)
        throw error
      }
    },
  }
}

/** An outbox in memory: `recorded()` lists the events of every committed run, oldest first. */
export function createFakeEventOutbox(memory: Memory): EventOutbox & { recorded(): DomainEvent[] } {
  const events = () => tableIn<DomainEvent & { id: string }>(memory, 'outbox_events')
  return {
    async record(event) {
      const id = randomUUID()
      events().set(id, { id, ...event })
    },
    recorded: () => [...events().values()].map(({ type, data }) => ({ type, data })),
  }
}

export function createFakeInbox(memory: Memory): Inbox {
  const claimed = () => tableIn<{ id: string }>(memory, 'inbox_messages')
  return {
    async claim(messageKey) {
      if (claimed().has(messageKey)) return false
      claimed().set(messageKey, { id: messageKey })
      return true
    },
  }
}
