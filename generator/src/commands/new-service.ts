import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { defaultDescription, type ServiceAnswers } from '../generators/service.generator.js'
import { assertServiceName } from '../naming.js'
import { assertFreeFolder, assertUsableParent } from '../target-folder.js'
import { overridesFolder } from '../template-overrides.js'
import { writeBaseSnapshot } from '../update/base-snapshot.js'
import { treeOf } from '../update/generated-tree.js'
import { UsageError } from '../usage-error.js'
import { anatomyVersion } from '../version.js'

export interface NewServiceOptions {
  readonly dir: string
  readonly description?: string
  readonly yes: boolean
  readonly install: boolean
  readonly quiet?: boolean
  /** A team's folder of template overrides, from the current folder. */
  readonly templates?: string
  /** The override folders themselves, first match first, and the team folder as recorded: as regenerating passes them. */
  readonly overrides?: readonly string[]
  readonly recordedTemplates?: string
  /** Keep what was written in .anatomy/base.json.gz, for anatomy update (not when regenerating). */
  readonly recordBase?: boolean
}

/** `anatomy new <name>`: stamps the template into <dir>/<name>, then installs its dependencies. */
export async function newService(name: string | undefined, options: NewServiceOptions): Promise<void> {
  const directory = resolve(options.dir)
  assertUsableParent(directory)
  if (name !== undefined) checkTarget(name, directory)

  // Loaded only once the request is known to be good: refusals stay instant.
  const { createPlop } = await import('../plop.js')
  const plop = await createPlop(directory)
  const generator = plop.getGenerator('service')
  const interactive = !options.yes && process.stdin.isTTY === true
  const given = interactive
    ? { ...(await generator.runPrompts([name ?? '_', options.description ?? '_'])), directory }
    : { name: requireName(name), description: options.description ?? defaultDescription, directory }
  checkTarget(given.name, directory)

  const root = join(directory, given.name)
  const team = options.templates === undefined ? undefined : resolve(options.templates)
  if (team !== undefined && !existsSync(team)) {
    throw new UsageError(`--templates ${options.templates}: no such folder`)
  }
  const answers: ServiceAnswers = {
    ...given,
    overrides: options.overrides ?? [join(root, overridesFolder), ...(team ? [team] : [])],
    ...(team ? { templates: relative(root, team) || '.' } : {}),
    ...(options.recordedTemplates ? { templates: options.recordedTemplates } : {}),
  }
  const { failures } = await generator.runActions(answers)
  if (failures.length > 0) {
    await rm(root, { recursive: true, force: true })
    throw new Error(`could not write the service: ${failures.map((f) => f.error).join('; ')}`)
  }
  if (options.recordBase !== false) await writeBaseSnapshot(root, anatomyVersion, await treeOf(root))
  if (options.quiet) return
  console.log(`created ${answers.name} in ${root}`)
  if (options.install) install(root)
  printNextSteps(root, options.install)
}

function checkTarget(name: string, directory: string): void {
  assertServiceName(name)
  assertFreeFolder(join(directory, name))
}

function requireName(name: string | undefined): string {
  if (name === undefined) throw new UsageError('missing service name: anatomy new <name>')
  return name
}

function install(root: string): void {
  console.log('installing dependencies (npm install)...')
  const { status } = spawnSync('npm', ['install', '--no-fund', '--no-audit'], { cwd: root, stdio: 'inherit' })
  if (status !== 0)
    throw new Error(`npm install failed in ${root}: the service is written; run npm install there again`)
}

function printNextSteps(root: string, installed: boolean): void {
  const fromHere = relative(process.cwd(), root)
  const folder = fromHere.length < root.length ? fromHere : root
  const steps = [`cd ${folder}`, ...(installed ? [] : ['npm install']), 'npm run dev', 'npm test']
  console.log(`\nnext:\n${steps.map((step) => `  ${step}`).join('\n')}`)
}
