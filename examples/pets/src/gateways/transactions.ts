import type { Kysely } from 'kysely'
import type { Tables } from '../clients/database/tables.js'
import type { Transactions } from '../domain/transactions.port.js'
import { asUnavailableWhenUnreachable } from './database-errors.js'

/**
 * Transactions on `db`: each run gets the scope `scopeOf` builds on the transaction's own
 * connection, so every gateway in it reads and writes inside the one transaction. On a `db` that is
 * a transaction already, a run joins it: a use case with a transaction of its own, called inside
 * a message handler's, commits with the handler's inbox claim.
 */
export function createTransactions<Scope>(
  db: Kysely<Tables>,
  scopeOf: (transaction: Kysely<Tables>) => Scope,
): Transactions<Scope> {
  return {
    run: (work) =>
      db.isTransaction
        ? work(scopeOf(db))
        : db
            .transaction()
            .execute((transaction) => work(scopeOf(transaction)))
            .catch(asUnavailableWhenUnreachable),
  }
}
