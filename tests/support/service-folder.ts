import { readFile, symlink } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from 'vitest'
import { listFiles, temporaryFolder } from './files.js'
import { repositoryRoot, runAnatomy } from './run.js'

/**
 * A service made by `anatomy new --no-install` whose node_modules is the repository's own: the
 * same dependency versions the template is tested with, without a network install.
 */
export async function generatedService(name = 'shop', flags: readonly string[] = []): Promise<string> {
  const parent = await temporaryFolder()
  const created = await runAnatomy(['new', name, '--dir', parent, '--yes', '--no-install', ...flags])
  expect(created.code, created.stderr).toBe(0)
  const service = join(parent, name)
  await symlink(join(repositoryRoot, 'node_modules'), join(service, 'node_modules'), 'dir')
  return service
}

/** Every file of a service and its content, to prove a refused command changed nothing. */
export async function contentsOf(root: string): Promise<Map<string, string>> {
  const files = await listFiles(root)
  return new Map(
    await Promise.all(files.map(async (file) => [file, await readFile(join(root, file), 'utf8')] as const)),
  )
}
