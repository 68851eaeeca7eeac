import { fileURLToPath } from 'node:url'

export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url))
export const benchFolder = fileURLToPath(new URL('../', import.meta.url))
export const petsFolder = fileURLToPath(new URL('../../examples/pets/', import.meta.url))
export const modelServingFolder = fileURLToPath(new URL('../../examples/model-serving/', import.meta.url))
export const resultsFolder = fileURLToPath(new URL('../results/', import.meta.url))

/** Node arguments that run a TypeScript file of the benchmarks, as tsx compiles it. */
export const typescriptEntry = (file: string): string[] => [
  '--import',
  'tsx',
  fileURLToPath(new URL(`../${file}`, import.meta.url)),
]
