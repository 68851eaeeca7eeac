import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative, sep } from 'node:path'
import { regenerate } from '../regenerate.js'

/** A file as the generator wrote it: its text, or for a binary file its digest alone. */
export type GeneratedFile = { readonly text: string } | { readonly sha256: string }

/** Every file of a service, by its path with forward slashes. */
export type Tree = ReadonlyMap<string, GeneratedFile>

/** What npm, git, the build and the running service make, which the generator never writes. */
const notGenerated = /^(node_modules|dist|coverage|\.data|\.git|\.anatomy)(\/|$)|^package-lock\.json$/

/** What the installed generator writes for the service, from its .anatomy.json: new, then every add. */
export async function generatedTreeOf(service: string): Promise<Tree> {
  const parent = await mkdtemp(join(tmpdir(), 'anatomy-update-'))
  try {
    return await treeOf(await regenerate(service, parent))
  } finally {
    await rm(parent, { recursive: true, force: true })
  }
}

/** The files of `root` the generator could have written, as they are. */
export async function treeOf(root: string): Promise<Tree> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  const paths = entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => !notGenerated.test(path))
    .sort()
  const files = await Promise.all(
    paths.map(async (path) => [path, fileOf(await readFile(join(root, path)))] as const),
  )
  return new Map(files)
}

export function fileOf(content: Buffer): GeneratedFile {
  return content.includes(0)
    ? { sha256: createHash('sha256').update(content).digest('hex') }
    : { text: content.toString('utf8') }
}

export function sameFile(a: GeneratedFile | undefined, b: GeneratedFile | undefined): boolean {
  if (a === undefined || b === undefined) return a === b
  return 'text' in a && 'text' in b
    ? a.text === b.text
    : 'sha256' in a && 'sha256' in b && a.sha256 === b.sha256
}
