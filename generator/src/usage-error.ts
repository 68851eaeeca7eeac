/**
 * A refusal caused by what the user asked for (a bad name, an occupied folder): reported in one
 * line, with exit code 2, before anything is written.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}
