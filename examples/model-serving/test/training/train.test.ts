import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'

const serviceRoot = fileURLToPath(new URL('../../', import.meta.url))
const run = promisify(execFile)

describe('the training script', () => {
  let outDir = ''
  afterAll(() => (outDir ? rm(outDir, { recursive: true, force: true }) : undefined))

  it('reproduces the committed models byte for byte', async () => {
    outDir = await mkdtemp(join(tmpdir(), 'iris-training-'))

    await run(process.execPath, ['--import', 'tsx', 'training/train.ts', '--out', outDir], {
      cwd: serviceRoot,
    })

    for (const version of ['1', '2']) {
      const committed = join(serviceRoot, 'models', 'iris', version)
      const files = await readdir(committed)
      expect(files.sort()).toEqual(['metadata.json', 'model.onnx'])
      for (const file of files) {
        const retrained = await readFile(join(outDir, 'iris', version, file))
        expect(retrained.equals(await readFile(join(committed, file))), `iris/${version}/${file}`).toBe(true)
      }
    }
  })
})
