/**
 * The PostgreSQL server tests may use: DATABASE_URL when set. With REQUIRE_POSTGRES=1 (as in CI)
 * its absence fails the run instead of skipping PostgreSQL silently.
 */
export function postgresUrl(): string | undefined {
  const url = process.env.DATABASE_URL
  if (!url && process.env.REQUIRE_POSTGRES === '1') {
    throw new Error('REQUIRE_POSTGRES=1 but DATABASE_URL is not set: PostgreSQL tests cannot run')
  }
  return url || undefined
}
