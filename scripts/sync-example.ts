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
import { refreshLockFile } from './lock-file.js'

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
