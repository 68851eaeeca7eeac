import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative, sep } from 'node:path'
import { afterAll } from 'vitest'

/** A fresh temporary folder, removed after the test file. */
export async function temporaryFolder(prefix = 'anatomy-'): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), prefix))
  afterAll(() => rm(folder, { recursive: true, force: true }))
  return folder
}

/** Every file under `root`, relative and sorted, leaving out installed dependencies. */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => !path.startsWith('node_modules/'))
    .sort()
}
