import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The model repository the service ships: iris, versions 1 and 2. */
export const shippedModels = fileURLToPath(new URL('../../models/', import.meta.url))

/** The training script's own predictions on its held-out split, from metadata.json. */
export interface TrainingReference {
  readonly inputs: number[][]
  readonly probabilities: number[][]
  readonly labels: number[]
}

export const irisLabels = ['setosa', 'versicolor', 'virginica']

export async function trainingReference(version: number): Promise<TrainingReference> {
  const metadata = JSON.parse(
    await readFile(join(shippedModels, 'iris', String(version), 'metadata.json'), 'utf8'),
  )
  return metadata.reference as TrainingReference
}

/** A copy of the shipped repository to change freely; `remove` deletes it. */
export async function copyOfShippedModels(): Promise<{ root: string; remove(): Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'model-repository-'))
  await cp(shippedModels, root, { recursive: true })
  return { root, remove: () => rm(root, { recursive: true, force: true }) }
}

/** Adds a copy of iris version 1 as `name`/`version`; answers its folder. */
export async function addCopyOfIris(root: string, name: string, version: number): Promise<string> {
  const folder = join(root, name, String(version))
  await cp(join(shippedModels, 'iris', '1'), folder, { recursive: true })
  return folder
}

/** Adds a version whose model.onnx is not a model at all. */
export async function addBrokenVersion(root: string, name: string, version: number): Promise<void> {
  const folder = await addCopyOfIris(root, name, version)
  await writeFile(join(folder, 'model.onnx'), 'not an onnx model')
}
