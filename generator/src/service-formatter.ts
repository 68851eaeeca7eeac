import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * Runs Biome over the files just written, with the service's own configuration, so generated
 * code is formatted and its imports ordered exactly as the service's `npm run lint` wants. The
 * service's Biome when it has one installed; until then, the one anatomy depends on (the same
 * version the template pins).
 */
export function formatWithServiceTools(service: string, files: readonly string[]): void {
  if (files.length === 0) return
  const [command, ...args] = servicesBiome(service) ?? [process.execPath, anatomysBiome()]
  const { status, stderr } = spawnSync(
    command ?? '',
    [...args, 'check', '--write', '--linter-enabled=false', ...files],
    { cwd: service, encoding: 'utf8' },
  )
  if (status !== 0) throw new Error(`formatting the new files failed:\n${stderr}`)
}

/** A biome in node_modules/.bin of the service or of any folder above it, as npm finds binaries. */
function servicesBiome(from: string): string[] | undefined {
  for (let folder = from; ; folder = dirname(folder)) {
    const candidate = join(folder, 'node_modules', '.bin', 'biome')
    if (existsSync(candidate)) return [candidate]
    if (dirname(folder) === folder) return undefined
  }
}

function anatomysBiome(): string {
  return createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome')
}
