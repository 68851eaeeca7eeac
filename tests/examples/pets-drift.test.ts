import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { regenerate } from '../../generator/src/regenerate.js'
import { listFiles, temporaryFolder } from '../support/files.js'
import { repositoryRoot } from '../support/run.js'
import { handGrownFiles, notGeneratorOwned } from './hand-grown.js'

const example = join(repositoryRoot, 'examples/pets')
const handGrown = handGrownFiles.pets


describe('examples/pets against a fresh regeneration', () => {
  let regenerated: string
  let exampleFiles: string[]
  let regeneratedFiles: string[]

  beforeAll(async () => {
    regenerated = await regenerate(example, await temporaryFolder())
    exampleFiles = await filesOf(example)
    regeneratedFiles = await filesOf(regenerated)
  }, 60_000)

  it('has every file the generator writes, byte for byte, except the hand-grown ones', async () => {
    const drifted = []
    for (const file of regeneratedFiles.filter((file) => !handGrown.includes(file))) {
      const [theirs, ours] = await Promise.all([contentOf(join(example, file)), contentOf(join(regenerated, file))])
      if (theirs !== ours) drifted.push(file)
    }
    expect(drifted, 'files that differ from what the generator writes').toEqual([])
  })

  it('lists every file added by hand', () => {
    const added = exampleFiles.filter((file) => !regeneratedFiles.includes(file))
    expect(added.filter((file) => !handGrown.includes(file))).toEqual([])
  })

  it('lists only files that really were grown by hand', async () => {
    const unchanged = []
    for (const file of handGrown) {
      const [theirs, ours] = await Promise.all([contentOf(join(example, file)), contentOf(join(regenerated, file))])
      if (theirs === undefined) throw new Error(`${file} is listed as hand-grown but examples/pets has no such file`)
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
