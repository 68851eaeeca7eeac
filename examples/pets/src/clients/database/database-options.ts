export interface DatabaseOptions {
  /** PostgreSQL URL; empty for the embedded PGlite database. */
  readonly url: string
  /** PGlite data folder; empty keeps the embedded database in memory. */
  readonly pgliteDataDir: string
  readonly poolMax: number
  readonly connectTimeoutMs: number
  readonly queryTimeoutMs: number
}
