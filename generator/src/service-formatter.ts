import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { repositoryRoot } from './paths.js'

/**
 * Runs Biome over the files just written, with the service's own configuration, so generated
 * code is formatted and its imports ordered exactly as the service's `npm run lint` wants. The
 * service's Biome when it has one installed; until then, the one anatomy itself runs with (the
 * same version the template pins).
 */
export function formatWithServiceTools(service: string, files: readonly string[]): void {
  const biome = findBin(service, 'biome') ?? findBin(repositoryRoot, 'biome')
  if (!biome) throw new Error('Biome is not installed: run npm install where anatomy is')
  if (files.length === 0) return
  const { status, stderr } = spawnSync(biome, ['check', '--write', '--linter-enabled=false', ...files], {
    cwd: service,
    encoding: 'utf8',
  })
  if (status !== 0) throw new Error(`formatting the new files failed:\n${stderr}`)
}

/** A binary in node_modules/.bin of the folder or of any folder above it, as npm finds them. */
function findBin(from: string, name: string): string | undefined {
  for (let folder = from; ; folder = dirname(folder)) {
    const candidate = join(folder, 'node_modules', '.bin', name)
    if (existsSync(candidate)) return candidate
    if (dirname(folder) === folder) return undefined
  }
}
