/**
 * One transaction: what `work` changes through the scope's repositories, the events it records and
 * the message it marks as applied commit together, or none of it does.
 */
export interface Transactions<Scope> {
  run<Result>(work: (scope: Scope) => Promise<Result>): Promise<Result>
}
