import type { PGlite, PGliteOptions } from '@electric-sql/pglite'
import { Kysely } from 'kysely'
import type { Tables } from './tables.js'
import { pgliteParsers } from './type-parsers.js'

/**
 * An in-process PostgreSQL (WASM), so the service runs with nothing installed.
 * Loaded on demand: a service on a real PostgreSQL never pays for it.
 */
export async function openPglite(dataDir: string): Promise<Kysely<Tables>> {
  return kyselyOn(await createPglite({ dataDir: dataDir || undefined }))
}

export async function createPglite(options: PGliteOptions): Promise<PGlite> {
  const { PGlite } = await import('@electric-sql/pglite')
  return PGlite.create({ ...options, parsers: pgliteParsers })
}

export async function kyselyOn(pglite: PGlite): Promise<Kysely<Tables>> {
  const { PGliteDialect } = await import('kysely-pglite-dialect')
  return new Kysely<Tables>({ dialect: new PGliteDialect(pglite) })
}
