/**
 * The CLI as it is installed: generator/src bundled into generator/dist/cli.js, plain JavaScript
 * that Node runs without a TypeScript loader. Its dependencies stay in node_modules.
 *
 *   tsx generator/build.ts   (npm pack runs it; so do the repository's tests, before they start)
 */
import { mkdir, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

export const cliBundle = fileURLToPath(new URL('dist/cli.js', import.meta.url))

export async function buildCli(): Promise<void> {
  const { outputFiles } = await build({
    entryPoints: [fileURLToPath(new URL('src/cli.ts', import.meta.url))],
    outfile: cliBundle,
    bundle: true,
    packages: 'external',
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    sourcemap: true,
    sourcesContent: false,
    logLevel: 'warning',
    write: false,
  })
  await mkdir(dirname(cliBundle), { recursive: true })
  // Each file replaced in one step: a CLI started meanwhile runs the old build or the new, never half of one.
  for (const file of outputFiles) {
    await writeFile(`${file.path}.partial`, file.contents)
    await rename(`${file.path}.partial`, file.path)
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli()
