import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { type OnnxSessionOptions, openOnnxSession } from '../clients/onnx-runtime.js'
import type { ModelStore, ModelVersionRef } from '../domain/model/model-store.port.js'
import { readModelMetadata } from './model-metadata.schema.js'
import { onnxModel } from './onnx-model.gateway.js'

const modelFolder = /^[A-Za-z0-9][\w.-]*$/
const versionFolder = /^[1-9]\d*$/

/**
 * A folder of models, laid out as KServe and Triton lay out theirs:
 * `<root>/<model>/<version>/model.onnx`, with an optional `metadata.json` beside each model.
 */
export function modelRepository(root: string, runtime: OnnxSessionOptions = { threads: 1 }): ModelStore {
  return {
    async list() {
      const refs: ModelVersionRef[] = []
      for (const name of await subfolders(root, modelFolder)) {
        for (const version of await subfolders(join(root, name), versionFolder)) {
          refs.push({ name, version: Number(version) })
        }
      }
      return refs.sort((a, b) => a.name.localeCompare(b.name) || a.version - b.version)
    },

    async load(ref) {
      const folder = join(root, ref.name, String(ref.version))
      const metadata = await readModelMetadata(join(folder, 'metadata.json'))
      const session = await openOnnxSession(join(folder, 'model.onnx'), runtime)
      try {
        return onnxModel(ref, session, metadata)
      } catch (error) {
        await session.release()
        throw error
      }
    },
  }
}

async function subfolders(folder: string, pattern: RegExp): Promise<string[]> {
  try {
    const entries = await readdir(folder, { withFileTypes: true })
    return entries
      .filter((entry) => entry.isDirectory() && pattern.test(entry.name))
      .map((entry) => entry.name)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`the model repository ${folder} does not exist`)
    }
    throw error
  }
}
