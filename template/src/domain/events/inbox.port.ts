/**
 * The messages already applied, so that a message delivered twice changes nothing the second time.
 * Claimed inside the transaction of the change: a change that rolls back leaves the message unclaimed.
 */
export interface Inbox {
  /** True the first time `messageKey` is claimed; false when a committed change claimed it before. */
  claim(messageKey: string): Promise<boolean>
}
