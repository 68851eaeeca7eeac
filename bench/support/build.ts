import { spawn } from 'node:child_process'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'

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

function npmRunBuild(folder: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build'], { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
    })
    child.stderr.on('data', (chunk) => {
      output += chunk
    })
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`npm run build in ${folder} failed:\n${output}`)),
    )
  })
}
