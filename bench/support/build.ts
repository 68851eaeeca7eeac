import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { run } from '../../tests/support/run.js'

/**
 * Builds each service (`npm run build`, tsc to dist/) unless its dist/main.js is newer than every
 * source file: the benchmarks run the compiled output, as production does. Builds run side by side.
 */
export async function buildServices(folders: readonly string[]): Promise<string[]> {
  const stale = []
  for (const folder of folders) if (await isStale(folder)) stale.push(folder)
  await Promise.all(stale.map((folder) => npmRunBuild(folder)))
  return stale
}

async function isStale(folder: string): Promise<boolean> {
  const built = await stat(join(folder, 'dist', 'main.js')).catch(() => undefined)
  if (!built) return true
  const sources = [
    join(folder, 'package.json'),
    join(folder, 'tsconfig.build.json'),
    ...(await filesUnder(join(folder, 'src'))),
  ]
  for (const source of sources) {
    if ((await stat(source)).mtimeMs > built.mtimeMs) return true
  }
  return false
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true })
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name))
}

async function npmRunBuild(folder: string): Promise<void> {
  const { code, stdout, stderr } = await run('npm', ['run', 'build'], { cwd: folder })
  if (code !== 0) throw new Error(`npm run build in ${folder} failed:\n${stdout}${stderr}`)
}
