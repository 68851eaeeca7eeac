/**
 * Brings an example up to date with the template: regenerates it from its .anatomy.json into a
 * temporary folder and copies over every file the generator owns, leaving hand-grown files alone.
 *
 *   npm run examples:sync -- pets
 *   npm run examples:sync -- model-serving
 */
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { regenerate } from '../generator/src/regenerate.js'
import { handGrownFiles, isLeftOut, notGeneratorOwned } from '../tests/examples/hand-grown.js'
import { listFiles } from '../tests/support/files.js'
import { refreshLockFile } from './lock-file.js'

const root = fileURLToPath(new URL('../', import.meta.url))
const name = process.argv[2] as keyof typeof handGrownFiles
if (!(name in handGrownFiles))
  throw new Error(`usage: sync-example <${Object.keys(handGrownFiles).join('|')}>`)

const example = join(root, 'examples', name)
const parent = await mkdtemp(join(tmpdir(), 'anatomy-sync-'))

try {
  const regenerated = await regenerate(example, parent)
  const owned = (await listFiles(regenerated)).filter(
    (file) =>
      !notGeneratorOwned(file) &&
      !isLeftOut(name, file) &&
      !(handGrownFiles[name] as readonly string[]).includes(file),
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
