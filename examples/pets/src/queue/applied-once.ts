import type { Inbox } from '../domain/events/inbox.port.js'
import type { Transactions } from '../domain/transactions.port.js'

export interface OnceScope {
  readonly inbox: Inbox
}

/**
 * Applies a message once however often it is delivered: `apply` runs in a transaction that first
 * claims the message's key in the inbox, so its changes and the claim commit together, and a
 * message whose key was claimed before is skipped. Give it use cases built on the scope's
 * transaction (see app.ts).
 */
export async function applyOnce<Scope extends OnceScope>(
  transactions: Transactions<Scope>,
  messageKey: string,
  apply: (scope: Scope) => Promise<unknown>,
): Promise<void> {
  await transactions.run(async (scope) => {
    if (await scope.inbox.claim(messageKey)) await apply(scope)
  })
}
