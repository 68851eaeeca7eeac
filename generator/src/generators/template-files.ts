import { readdir, readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { templateRoot } from '../paths.js'
import { overrideOf } from '../template-overrides.js'

/** What exists in template/ only because it is developed in place, and is never stamped out. */
const notStamped = new Set([
  'node_modules',
  'dist',
  'coverage',
  '.data',
  'package-lock.json',
  '.anatomy.json',
])

/** Files the template keeps under another name, because npm leaves them out of a package. */
const stampedAs: Record<string, string> = { _gitignore: '.gitignore' }

export interface TemplateFile {
  /** Path relative to the service root, with forward slashes. */
  readonly path: string
  readonly content: Buffer
}

/** The template's files, each taken from the first override folder that has it, if one does. */
export async function readTemplateFiles(overrides: readonly string[] = []): Promise<TemplateFile[]> {
  const entries = await readdir(templateRoot, { recursive: true, withFileTypes: true })
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(templateRoot, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => !path.split('/').some((segment) => notStamped.has(segment)) && !path.endsWith('.log'))
    .sort()
  return Promise.all(
    files.map(async (path) => ({
      path: stampedAs[path] ?? path,
      content:
        (await overrideOf(overrides, stampedAs[path] ?? path)) ?? (await readFile(join(templateRoot, path))),
    })),
  )
}
