import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * Runs the service's own Biome over the files just written, so generated code is formatted and
 * its imports ordered exactly as the service's `npm run lint` wants. Returns false when the
 * service has no Biome installed yet.
 */
export function formatWithServiceTools(service: string, files: readonly string[]): boolean {
  const biome = findBin(service, 'biome')
  if (!biome || files.length === 0) return biome !== undefined
  const { status, stderr } = spawnSync(biome, ['check', '--write', '--linter-enabled=false', ...files], {
    cwd: service,
    encoding: 'utf8',
  })
  if (status !== 0) throw new Error(`formatting the new files failed:\n${stderr}`)
  return true
}

/** A binary in node_modules/.bin of the folder or of any folder above it, as npm finds them. */
function findBin(from: string, name: string): string | undefined {
  for (let folder = from; ; folder = dirname(folder)) {
    const candidate = join(folder, 'node_modules', '.bin', name)
    if (existsSync(candidate)) return candidate
    if (dirname(folder) === folder) return undefined
  }
}
