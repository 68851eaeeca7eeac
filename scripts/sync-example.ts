/**
 * Brings an example up to date with the template: regenerates it from its .anatomy.json into a
 * temporary folder and copies over every file the generator owns, leaving hand-grown files alone.
 *
 *   npm run examples:sync -- pets
 */
import { spawnSync } from 'node:child_process'
import { cp, mkdtemp, readFile, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AnatomyFile } from '../generator/src/anatomy-file.js'
import { handGrownFiles, notGeneratorOwned } from '../tests/examples/hand-grown.js'
import { listFiles } from '../tests/support/files.js'

const root = fileURLToPath(new URL('../', import.meta.url))
const name = process.argv[2] as keyof typeof handGrownFiles
if (!(name in handGrownFiles))
  throw new Error(`usage: sync-example <${Object.keys(handGrownFiles).join('|')}>`)

const example = join(root, 'examples', name)
const record = JSON.parse(await readFile(join(example, '.anatomy.json'), 'utf8')) as AnatomyFile
const parent = await mkdtemp(join(tmpdir(), 'anatomy-sync-'))
const anatomy = (...args: string[]) => {
  const { status, stderr } = spawnSync(process.execPath, [join(root, 'generator/bin/anatomy.js'), ...args], {
    encoding: 'utf8',
  })
  if (status !== 0) throw new Error(stderr)
}

try {
  anatomy(
    'new',
    record.service.name,
    '--dir',
    parent,
    '--yes',
    '--no-install',
    '--description',
    record.service.description,
  )
  const regenerated = join(parent, record.service.name)
  await symlink(join(root, 'node_modules'), join(regenerated, 'node_modules'), 'dir')
  for (const resource of record.resources) {
    const timestamp = resource.migration.slice(0, 14)
    anatomy(
      'add',
      'resource',
      resource.name,
      '--fields',
      resource.fields,
      '--migration-timestamp',
      timestamp,
      '--service',
      regenerated,
      '--yes',
    )
  }
  const owned = (await listFiles(regenerated)).filter(
    (file) => !notGeneratorOwned(file) && !handGrownFiles[name].includes(file),
  )
  for (const file of owned) {
    await cp(join(regenerated, file), join(example, file))
  }
  console.log(`examples/${name}: ${owned.length} generator-owned files rewritten from the template`)
  await refreshLockFile(example)
  console.log(`examples/${name}: package-lock.json matches its package.json`)
} finally {
  await rm(parent, { recursive: true, force: true })
}

/**
 * An example is a workspace here, yet its image is built from its own folder, with `npm ci` on
 * a lock file of its own: resolved in a folder outside the workspace, so npm treats it as the
 * standalone service it is.
 */
async function refreshLockFile(service: string): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'anatomy-lock-'))
  try {
    await cp(join(service, 'package.json'), join(folder, 'package.json'))
    await cp(join(service, 'package-lock.json'), join(folder, 'package-lock.json')).catch(() => {})
    const { status, stderr } = spawnSync(
      'npm',
      ['install', '--package-lock-only', '--no-audit', '--no-fund'],
      {
        cwd: folder,
        encoding: 'utf8',
      },
    )
    if (status !== 0) throw new Error(stderr)
    await cp(join(folder, 'package-lock.json'), join(service, 'package-lock.json'))
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}
