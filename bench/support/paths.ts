import { join } from 'node:path'
import { repositoryRoot } from '../../tests/support/run.js'

export { repositoryRoot }
export const benchFolder = join(repositoryRoot, 'bench')
export const petsFolder = join(repositoryRoot, 'examples/pets')
export const modelServingFolder = join(repositoryRoot, 'examples/model-serving')
export const resultsFolder = join(benchFolder, 'results')

/** Node arguments that run a TypeScript file of the benchmarks, as tsx compiles it. */
export const typescriptEntry = (file: string): string[] => ['--import', 'tsx', join(benchFolder, file)]
