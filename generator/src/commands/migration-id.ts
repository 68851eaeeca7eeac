import { UsageError } from '../usage-error.js'

/** Migrations run in name order: a UTC timestamp first keeps them in the order they were made. */
export function migrationIdOf(name: string, migrationTimestamp: string | undefined): string {
  const timestamp = migrationTimestamp ?? new Date().toISOString().replace(/\D/g, '').slice(0, 14)
  if (!/^\d{14}$/.test(timestamp)) {
    throw new UsageError(`--migration-timestamp must be 14 digits, yyyymmddhhmmss: got "${timestamp}"`)
  }
  return `${timestamp}_${name}`
}
