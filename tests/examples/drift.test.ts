import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { regenerate } from '../../generator/src/regenerate.js'
import { listFiles, temporaryFolder } from '../support/files.js'
import { repositoryRoot } from '../support/run.js'
import { handGrownFiles, isLeftOut, notGeneratorOwned } from './hand-grown.js'

const examples = Object.keys(handGrownFiles) as (keyof typeof handGrownFiles)[]

/**
 * Each example against what the generator writes for it today: a fix made once in the template
 * reaches every service, or this fails until `npm run examples:sync -- <example>` brings it.
 */
describe.each(examples)('examples/%s against a fresh regeneration', (name) => {
  const example = join(repositoryRoot, 'examples', name)
  const handGrown: readonly string[] = handGrownFiles[name]
  let regenerated: string
  let exampleFiles: string[]
  let regeneratedFiles: string[]

  beforeAll(async () => {
    regenerated = await regenerate(example, await temporaryFolder())
    exampleFiles = await filesOf(example)
    regeneratedFiles = (await filesOf(regenerated)).filter((file) => !isLeftOut(name, file))
  }, 60_000)

  it('has every file the generator writes, byte for byte, except the hand-grown ones', async () => {
    const drifted = []
    for (const file of regeneratedFiles.filter((file) => !handGrown.includes(file))) {
      const [theirs, ours] = await Promise.all([contentOf(join(example, file)), contentOf(join(regenerated, file))])
      if (theirs !== ours) drifted.push(file)
    }
    expect(drifted, 'files that differ from what the generator writes').toEqual([])
  })

  it.runIf(name !== 'model-serving')('lists every file added by hand', () => {
    // model-serving grows a model server beside the template: every file the template lacks is its own.
    const added = exampleFiles.filter((file) => !regeneratedFiles.includes(file))
    expect(added.filter((file) => !handGrown.includes(file))).toEqual([])
  })

  it('leaves out only the files it says it leaves out', () => {
    expect(exampleFiles.filter((file) => isLeftOut(name, file))).toEqual([])
  })

  it('lists only files that really were grown by hand', async () => {
    const unchanged = []
    for (const file of handGrown) {
      const [theirs, ours] = await Promise.all([contentOf(join(example, file)), contentOf(join(regenerated, file))])
      if (theirs === undefined) throw new Error(`${file} is listed as hand-grown but examples/${name} has no such file`)
      if (theirs === ours) unchanged.push(file)
    }
    expect(unchanged, 'listed as hand-grown, yet what the generator writes').toEqual([])
  })
})

async function filesOf(root: string): Promise<string[]> {
  return (await listFiles(root)).filter((file) => !notGeneratorOwned(file))
}

function contentOf(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').catch(() => undefined)
}
