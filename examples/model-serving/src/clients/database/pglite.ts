import { Kysely } from 'kysely'
import type { Tables } from './tables.js'

/**
 * An in-process PostgreSQL (WASM), so the service runs with nothing installed.
 * Loaded on demand: a service on a real PostgreSQL never pays for it.
 */
export async function openPglite(dataDir: string): Promise<Kysely<Tables>> {
  const [{ PGlite }, { PGliteDialect }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('kysely-pglite-dialect'),
  ])
  const pglite = await PGlite.create(dataDir || undefined)
  return new Kysely<Tables>({ dialect: new PGliteDialect(pglite) })
}
