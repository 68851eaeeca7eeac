import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { readBaseSnapshot, writeBaseSnapshot } from './base-snapshot.js'
import { treeOf } from './generated-tree.js'

/**
 * Makes the same change to the service's base (what the generator wrote, .anatomy/base.json.gz)
 * as a command just made to the service, so the next `anatomy update` knows those files as the
 * generator's: the base is written out, changed by `apply`, and recorded again. A service with no
 * base is left as it is.
 */
export async function alsoOnBase(
  service: string,
  apply: (baseService: string) => Promise<void>,
): Promise<void> {
  const base = await readBaseSnapshot(service)
  if (!base) return
  const folder = await mkdtemp(join(tmpdir(), 'anatomy-base-'))
  try {
    const root = join(folder, basename(service))
    for (const [path, file] of base.tree) {
      if (!('text' in file)) continue
      await mkdir(dirname(join(root, path)), { recursive: true })
      await writeFile(join(root, path), file.text)
    }
    await apply(root)
    const changed = new Map(await treeOf(root))
    // Binary files are kept by digest alone, and no command changes them.
    for (const [path, file] of base.tree) if (!('text' in file) && !changed.has(path)) changed.set(path, file)
    await writeBaseSnapshot(service, base.version, changed)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    console.warn(
      `anatomy: .anatomy/base.json.gz could not follow this change (${reason}); anatomy update will see these files as yours`,
    )
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}
