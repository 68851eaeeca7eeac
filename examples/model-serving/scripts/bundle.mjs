/**
 * The service as it runs: src/ bundled by esbuild into dist/. A bundle starts in a fraction of the
 * time Node takes to find and read the hundreds of files of node_modules one by one, and far
 * sooner than through a TypeScript loader. Plain JavaScript, so that Node runs it at once.
 *
 *   node scripts/bundle.mjs               builds once (npm run build, after tsc has checked the types)
 *   node scripts/bundle.mjs --standalone  also copies into dist/node_modules the few packages that
 *                                         cannot be bundled: dist/ then runs alone (the image)
 *   node scripts/bundle.mjs --watch       rebuilds on every change and restarts the service (npm run dev)
 *   node scripts/bundle.mjs --outdir=.x   builds into .x/ instead of dist/ (a folder of the service's own,
 *                                         so that the bundle finds package.json at ../): tests bundle there
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, readFileSync, watch } from 'node:fs'
import { cp, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as esbuild from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const outdir = process.argv.find((arg) => arg.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'dist'

/** Packages esbuild must leave to node_modules, and why. */
const unbundlable = {
  '@electric-sql/pglite': 'loads its WebAssembly from beside its own files',
  'pg-native': 'an optional native binding of pg, never installed',
  'onnxruntime-node': 'a native addon, with its shared libraries beside it',
  pg: 'instrumented for tracing as Node loads it, out of reach inside a bundle',
  amqplib: 'instrumented for tracing as Node loads it, out of reach inside a bundle',
}

/** Bundled packages that read files of their own at run time: those files go beside the bundle. */
const filesReadAtRunTime = {
  '@fastify/swagger-ui': ['package.json', 'static'],
}

/** @type {esbuild.BuildOptions} */
const options = {
  absWorkingDir: root,
  entryPoints: ['src/main.ts', 'src/migrate.ts', 'src/tracing.ts'].filter((entry) =>
    existsSync(join(root, entry)),
  ),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  outdir,
  // Maps without the sources they map: stack traces name the TypeScript line, and
  // --enable-source-maps has a small map to read.
  sourcemap: true,
  sourcesContent: false,
  minifyWhitespace: true,
  minifySyntax: true,
  // Functions keep their names: stack traces, and the spans tracing names after Fastify's plugins, read them.
  keepNames: true,
  legalComments: 'external',
  logLevel: 'warning',
  external: Object.keys(unbundlable),
  // The CommonJS dependencies inside the ES module bundle still call require().
  banner: {
    js: "import{createRequire as __createRequire}from'node:module';const require=__createRequire(import.meta.url);",
  },
}

await rm(join(root, outdir), { recursive: true, force: true })
if (process.argv.includes('--watch')) await watchAndServe()
else {
  await esbuild.build(options)
  if (process.argv.includes('--standalone')) await copyUnbundledPackages()
}

/**
 * Into dist/node_modules: every unbundlable package the service depends on, with what it depends
 * on, and the files bundled packages read at run time.
 */
async function copyUnbundledPackages() {
  const { dependencies = {} } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  const copied = new Set()
  /** @param {string} name @param {string} from */
  const copy = async (name, from) => {
    if (copied.has(name)) return
    copied.add(name)
    const folder = packageFolder(name, from)
    await cp(folder, join(root, outdir, 'node_modules', name), { recursive: true, dereference: true })
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'))
    for (const dependency of Object.keys(manifest.dependencies ?? {})) await copy(dependency, folder)
  }
  for (const name of Object.keys(unbundlable).filter((name) => name in dependencies)) await copy(name, root)
  for (const [name, files] of Object.entries(filesReadAtRunTime)) {
    const folder = packageFolder(name, root)
    for (const file of files) {
      await cp(join(folder, file), join(root, outdir, 'node_modules', name, file), { recursive: true })
    }
  }
}

/**
 * Where Node would find package `name` from `folder`: the nearest node_modules up the tree.
 * @param {string} name
 * @param {string} folder
 * @returns {string}
 */
function packageFolder(name, folder) {
  const candidate = join(folder, 'node_modules', name)
  if (existsSync(join(candidate, 'package.json'))) return candidate
  if (dirname(folder) === folder) throw new Error(`${name} is not installed: run npm install`)
  return packageFolder(name, dirname(folder))
}

async function watchAndServe() {
  const context = await esbuild.context({ ...options, minifyWhitespace: false, minifySyntax: false })
  // Loaded while esbuild, in a process of its own, makes the first build.
  const logs = import('pino-pretty').then(({ default: pretty }) => pretty({ colorize: process.stdout.isTTY }))
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let service
  const serve = serially(async () => {
    // A build that fails keeps the service that runs; esbuild has printed why.
    const built = await context.rebuild().then(
      () => true,
      () => false,
    )
    if (!built) return
    await stop(service)
    // In a process group of its own, so that a Ctrl-C reaches it once, from here, and it closes its
    // embedded database before the next service opens it.
    service = spawn(
      process.execPath,
      ['--enable-source-maps', '--import', './dist/tracing.js', 'dist/main.js'],
      {
        cwd: root,
        detached: true,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    service.stdout?.pipe(await logs, { end: false })
  })
  await serve()
  // inotify rather than esbuild's own watch, which polls and can take a second to notice a save.
  const watcher = watch(new URL('../src', import.meta.url), { recursive: true }, () => serve())
  let stopping = false
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.on(signal, async () => {
      if (stopping) return
      stopping = true
      watcher.close()
      await context.dispose()
      await stop(service)
    })
  }
}

/**
 * Runs `task` one at a time: calls made while it runs fold into one more run after it.
 * @param {() => Promise<void>} task
 */
function serially(task) {
  /** @type {Promise<void> | undefined} */
  let running
  let again = false
  return async function run() {
    if (running) {
      again = true
      return running
    }
    running = task().finally(() => {
      running = undefined
      if (again) {
        again = false
        void run()
      }
    })
    return running
  }
}

/**
 * SIGTERM, then the service's own graceful shutdown: requests in flight finish, the database closes.
 * @param {import('node:child_process').ChildProcess | undefined} service
 */
async function stop(service) {
  if (!service || service.exitCode !== null || service.signalCode !== null) return
  const exited = once(service, 'exit')
  service.kill('SIGTERM')
  await exited
}
