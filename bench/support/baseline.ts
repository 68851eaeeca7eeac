import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { build } from 'esbuild'
import { benchFolder } from './paths.js'

/**
 * The layer-cost baseline as a hand-written service would ship it: TypeScript compiled to one
 * plain JavaScript file, its imports left to Node. Returns its path relative to bench/.
 */
export async function compileBaseline(): Promise<string> {
  const outfile = join('.build', 'pets-baseline.js')
  await mkdir(join(benchFolder, '.build'), { recursive: true })
  await build({
    entryPoints: [join(benchFolder, 'baselines', 'pets-baseline.ts')],
    outfile: join(benchFolder, outfile),
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  })
  return outfile
}
