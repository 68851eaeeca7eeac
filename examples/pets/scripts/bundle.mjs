/**
 * The service as it runs: src/ bundled by esbuild into dist/. A bundle starts in a fraction of the
 * time Node takes to find and read the hundreds of files of node_modules one by one, and far
 * sooner than through a TypeScript loader. Plain JavaScript, so that Node runs it at once.
 *
 *   node scripts/bundle.mjs           builds once (npm run build, after tsc has checked the types)
 *   node scripts/bundle.mjs --watch   rebuilds on every change and restarts the service (npm run dev)
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { rm } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import * as esbuild from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))

/** @type {esbuild.BuildOptions} */
const options = {
  absWorkingDir: root,
  entryPoints: ['src/main.ts', 'src/migrate.ts'],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  outdir: 'dist',
  // Maps without the sources they map: stack traces name the TypeScript line, and
  // --enable-source-maps has a small map to read.
  sourcemap: true,
  sourcesContent: false,
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'external',
  logLevel: 'warning',
  // PGlite loads its WebAssembly from beside its own files; pg-native is optional, and absent.
  external: ['@electric-sql/pglite', 'pg-native'],
  // The CommonJS dependencies inside the ES module bundle still call require().
  banner: {
    js: "import{createRequire as __createRequire}from'node:module';const require=__createRequire(import.meta.url);",
  },
}

await rm(new URL('../dist', import.meta.url), { recursive: true, force: true })
if (process.argv.includes('--watch')) await watchAndServe()
else await esbuild.build(options)

async function watchAndServe() {
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let service
  /** @type {esbuild.Plugin} */
  const restartService = {
    name: 'restart-service',
    setup(build) {
      build.onEnd(async ({ errors }) => {
        // A build that failed keeps the service that runs; esbuild has printed why.
        if (errors.length > 0) return
        await stop(service)
        service = spawn(process.execPath, ['--enable-source-maps', 'dist/main.js'], {
          cwd: root,
          stdio: 'inherit',
        })
      })
    },
  }
  const context = await esbuild.context({
    ...options,
    minifyWhitespace: false,
    minifySyntax: false,
    plugins: [restartService],
  })
  await context.watch()
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.once(signal, async () => {
      await context.dispose()
      await stop(service)
    })
  }
}

/**
 * SIGTERM, then the service's own graceful shutdown, so its embedded database has closed before
 * the next service opens it.
 * @param {import('node:child_process').ChildProcess | undefined} service
 */
async function stop(service) {
  if (!service || service.exitCode !== null || service.signalCode !== null) return
  const exited = once(service, 'exit')
  service.kill('SIGTERM')
  await exited
}
