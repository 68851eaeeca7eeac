/**
 * `npm run pglite:snapshot`: writes pglite/snapshot.tar.gz, the data folder every embedded database
 * starts from, made by initdb with the installed PGlite. Run it again after upgrading PGlite: a
 * data folder opens only with the PostgreSQL release that made it.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { PGlite } from '@electric-sql/pglite'

const target = new URL('../pglite/snapshot.tar.gz', import.meta.url)

// WAL segments of 1 MiB rather than 16: a smaller snapshot, restored faster.
const pglite = await PGlite.create({ initDbStartParams: ['--wal-segsize=1'] })
await pglite.exec('checkpoint')
const dump = await pglite.dumpDataDir('gzip')
await pglite.close()

await mkdir(new URL('.', target), { recursive: true })
await writeFile(target, Buffer.from(await dump.arrayBuffer()))
console.log(`wrote ${target.pathname} (${Math.round(dump.size / 1024)} KiB)`)
