import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { formatWithServiceTools } from './service-formatter.js'

/** A file a command writes: new, or a changed copy of one the service has. */
export interface PlannedFile {
  readonly path: string
  readonly content: string
  /** For a changed file, what changes in it, for --dry-run. */
  readonly change?: string
}

/** What --dry-run prints: each file to create, each file to change and how. */
export function describeChanges(files: readonly PlannedFile[]): string {
  return files
    .map((file) => (file.change ? `change  ${file.path}: ${file.change}` : `create  ${file.path}`))
    .join('\n')
}

/**
 * Writes a whole change or nothing of it: every file is written and formatted in a staging folder
 * inside the service first (so the service's own Biome settings apply), and only then moved into
 * place, each in one step. A failure before the moves leaves the service as it was.
 */
export async function writeChanges(service: string, files: readonly PlannedFile[]): Promise<void> {
  const staging = await mkdtemp(join(service, '.anatomy-staging-'))
  try {
    for (const file of files) {
      await mkdir(dirname(join(staging, file.path)), { recursive: true })
      await writeFile(join(staging, file.path), file.content)
    }
    formatWithServiceTools(
      service,
      files.filter((file) => /\.(ts|json)$/.test(file.path)).map((file) => join(staging, file.path)),
    )
    for (const file of files) {
      const target = join(service, file.path)
      if (!existsSync(dirname(target))) await mkdir(dirname(target), { recursive: true })
      await rename(join(staging, file.path), target)
    }
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}
