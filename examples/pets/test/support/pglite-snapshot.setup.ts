import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { createPglite } from '../../src/clients/database/pglite.js'

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string
  }
}

/**
 * A fresh PGlite spends seconds in initdb; restoring a snapshot takes a fraction of that.
 * So the cluster is created once per run, and every test database starts from its snapshot.
 */
export default async function setup(project: TestProject) {
  const folder = await mkdtemp(join(tmpdir(), 'pglite-snapshot-'))
  const snapshot = join(folder, 'datadir.tar')
  const pglite = await createPglite({})
  const dump = await pglite.dumpDataDir('none')
  await writeFile(snapshot, Buffer.from(await dump.arrayBuffer()))
  await pglite.close()
  project.provide('pgliteSnapshot', snapshot)
  return () => rm(folder, { recursive: true, force: true })
}
