import type { Kysely } from 'kysely'
import type { Tables } from '../clients/database/tables.js'
import type { Inbox } from '../domain/events/inbox.port.js'
import { asUnavailableWhenUnreachable } from './database-errors.js'

/**
 * The inbox table, on whatever connection `db` is. A second claim of one key waits for the first
 * transaction to end, and then finds the key taken if that transaction committed.
 */
export function createInbox(db: Kysely<Tables>): Inbox {
  return {
    async claim(messageKey) {
      const claimed = await db
        .insertInto('inbox_messages')
        .values({ message_key: messageKey })
        .onConflict((conflict) => conflict.column('message_key').doNothing())
        .returning('message_key')
        .executeTakeFirst()
        .catch(asUnavailableWhenUnreachable)
      return claimed !== undefined
    },
  }
}
