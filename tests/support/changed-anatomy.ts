import { cp, readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { temporaryFolder } from './files.js'
import { repositoryRoot } from './run.js'

/** A file of the copy, changed by `edit`; the edit must change it. */
export interface TemplateEdit {
  readonly path: string
  readonly edit: (text: string) => string
}

/**
 * A copy of the anatomy package as npm installs it (the built CLI, its templates, the service
 * template), with `edits` made to it: the next release, for `anatomy update` to update to.
 * Returns the path of its CLI.
 */
export async function changedAnatomy(edits: readonly TemplateEdit[]): Promise<string> {
  const root = await temporaryFolder('anatomy-next-')
  for (const path of ['package.json', 'generator/bin', 'generator/dist', 'generator/templates']) {
    await cp(join(repositoryRoot, path), join(root, path), { recursive: true })
  }
  await cp(join(repositoryRoot, 'template'), join(root, 'template'), {
    recursive: true,
    filter: (source) => !/\/template\/(node_modules|dist|coverage|\.data)(\/|$)/.test(source),
  })
  await symlink(join(repositoryRoot, 'node_modules'), join(root, 'node_modules'), 'dir')
  for (const { path, edit } of edits) {
    const file = join(root, path)
    const before = await readFile(file, 'utf8')
    const after = edit(before)
    if (after === before) throw new Error(`the edit of ${path} changes nothing`)
    await writeFile(file, after)
  }
  return join(root, 'generator/bin/anatomy.js')
}
