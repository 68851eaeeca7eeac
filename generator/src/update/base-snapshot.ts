import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import type { GeneratedFile, Tree } from './generated-tree.js'

/**
 * What the generator wrote for the service the last time (at `new`, at each `add`, at each
 * `update`): the common ancestor `anatomy update` merges from. It travels with the service, in
 * its repository, so an update needs no network and no copy of an older generator. Text files
 * are kept whole, binary ones by their digest; gzip makes it a few hundred kilobytes.
 */
export const baseSnapshotPath = '.anatomy/base.json.gz'

interface Snapshot {
  /** The generator version that wrote it. */
  readonly version: string
  readonly files: Record<string, GeneratedFile>
}

export async function readBaseSnapshot(
  service: string,
): Promise<{ version: string; tree: Tree } | undefined> {
  const path = join(service, baseSnapshotPath)
  if (!existsSync(path)) return undefined
  const snapshot = JSON.parse(gunzipSync(await readFile(path)).toString('utf8')) as Snapshot
  return { version: snapshot.version, tree: new Map(Object.entries(snapshot.files)) }
}

export function serializeBaseSnapshot(version: string, tree: Tree): Buffer {
  const snapshot: Snapshot = {
    version,
    files: Object.fromEntries([...tree].sort(([a], [b]) => a.localeCompare(b))),
  }
  return gzipSync(JSON.stringify(snapshot), { level: 9 })
}

export async function writeBaseSnapshot(service: string, version: string, tree: Tree): Promise<void> {
  const path = join(service, baseSnapshotPath)
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, serializeBaseSnapshot(version, tree))
}
