/**
 * `npm run pglite:snapshot`: writes pglite/snapshot.tar.gz, the data folder every embedded database
 * starts from, made by initdb with the installed PGlite. Run it again after upgrading PGlite: a
 * data folder opens only with the PostgreSQL release that made it.
 */
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'

const target = fileURLToPath(new URL('../pglite/snapshot.tar.gz', import.meta.url))
const folder = await mkdtemp(join(tmpdir(), 'pglite-snapshot-'))
try {
  // WAL segments of 1 MiB rather than 16: a smaller snapshot, unpacked faster.
  const pglite = await PGlite.create({ dataDir: folder, initDbStartParams: ['--wal-segsize=1'] })
  // Shut down cleanly before it is archived: a database started from a copy of a running one
  // would first replay its log, a third of a second at every first start.
  await pglite.close()
  await mkdir(join(target, '..'), { recursive: true })
  execFileSync('tar', ['--format=ustar', '-czf', target, '-C', folder, '.'])
  console.log(`wrote ${target}`)
} finally {
  await rm(folder, { recursive: true, force: true })
}
