export interface DatabaseOptions {
  /** PostgreSQL URL; empty for the embedded PGlite database. */
  readonly url: string
  readonly pglite: PgliteOptions
  readonly poolMax: number
  readonly connectTimeoutMs: number
  readonly queryTimeoutMs: number
}

export interface PgliteOptions {
  /** Folder of the embedded database, or `memory://` to keep it in memory. */
  readonly dataDir: string
  /** A gzipped data folder made once by initdb: every new embedded database starts as a copy of it. */
  readonly snapshot: string
}

export const inMemory = 'memory://'
