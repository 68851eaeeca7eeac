import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { type AnatomyFile, anatomyFileName, readAnatomyFile, serializeAnatomyFile } from '../anatomy-file.js'
import { describeChanges, type PlannedFile, writeChanges } from '../change-set.js'
import { parseFieldSpecs } from '../resource/field-spec.js'
import { filesOf, sharedFiles, wiringOf } from '../resource/resource-files.js'
import { type ResourceModel, resourceModelOf } from '../resource/resource-model.js'
import { resourceNamesOf } from '../resource/resource-name.js'
import { generatorTemplate, overrideFoldersOf } from '../template-overrides.js'
import { alsoOnBase } from '../update/keep-base.js'
import { UsageError } from '../usage-error.js'
import { WiringRefused } from '../wiring/wiring-refused.js'
import { migrationIdOf } from './migration-id.js'

export interface AddResourceOptions {
  readonly fields?: string
  readonly service: string
  readonly yes: boolean
  readonly dryRun?: boolean
  readonly migrationTimestamp?: string
  readonly quiet?: boolean
  /** Folders of template overrides, first match first (default: the service's own, then its team's). */
  readonly overrides?: readonly string[]
}

/** `anatomy add resource <name> --fields ...`: a resource across every layer, wired and tested. */
export async function addResource(name: string | undefined, options: AddResourceOptions): Promise<void> {
  const service = resolve(options.service)
  const anatomy = readAnatomyFile(service)
  const interactive = !options.yes && process.stdin.isTTY === true
  if (name !== undefined) resourceNamesOf(name)
  if (options.fields !== undefined) parseFieldSpecs(options.fields)

  // Loaded only once the request is known to be good: refusals stay instant.
  const { createPlop } = await import('../plop.js')
  const plop = await createPlop(service)
  const given = interactive
    ? await plop.getGenerator('resource').runPrompts([name ?? '_', options.fields ?? '_'])
    : {
        name: required(name, 'resource name: anatomy add resource <name>'),
        fieldSpec: required(
          options.fields,
          '--fields: anatomy add resource <name> --fields "name:string,notes:text?"',
        ),
      }

  const names = resourceNamesOf(given.name)
  const known = new Map(
    anatomy.resources.map((resource) => [
      resourceNamesOf(resource.name).kebab,
      parseFieldSpecs(resource.fields),
    ]),
  )
  const model = resourceModelOf(
    names,
    parseFieldSpecs(given.fieldSpec),
    migrationIdOf(`create_${names.table}`, options.migrationTimestamp),
    known,
  )
  if (anatomy.resources.some((resource) => resourceNamesOf(resource.name).kebab === names.kebab)) {
    throw new UsageError(`resource "${names.kebab}" already exists in ${service}`)
  }
  const overrides = options.overrides ?? overrideFoldersOf(service, anatomy)
  const plan = [
    ...(await newFiles(service, model, overrides, (template) => plop.renderString(template, model))),
    ...(await wiredFiles(service, model)),
    recorded(anatomy, { name: given.name, fields: given.fieldSpec, migration: model.migrationId }),
  ]
  if (options.dryRun) {
    console.log(`anatomy add resource ${names.kebab} would write, in ${service}:\n${describeChanges(plan)}`)
    return
  }
  await writeChanges(service, plan)
  await alsoOnBase(service, (base) =>
    addResource(given.name, {
      fields: given.fieldSpec,
      service: base,
      yes: true,
      quiet: true,
      migrationTimestamp: model.migrationId.slice(0, 14),
      overrides,
    }),
  )
  if (options.quiet) return
  console.log(`added ${names.kebab}: ${plan.length - 1} files, wired into src/app.ts`)
  console.log(`  routes: GET|POST /${names.kebabPlural}, GET|PATCH|DELETE /${names.kebabPlural}/{id}`)
}

/** Every file of the resource, rendered, and the shared plumbing the service lacks; refused when one is there already. */
async function newFiles(
  service: string,
  model: ResourceModel,
  overrides: readonly string[],
  render: (template: string) => string,
): Promise<PlannedFile[]> {
  const { resourceTemplatesRoot, templateRoot } = await import('../paths.js')
  const planned: PlannedFile[] = []
  for (const file of filesOf(model)) {
    if (existsSync(join(service, file.path))) {
      throw new UsageError(`resource "${model.kebab}" already exists: ${file.path} is there`)
    }
    const template = await generatorTemplate(
      overrides,
      `resource/${file.template}`,
      join(resourceTemplatesRoot, file.template),
    )
    planned.push({ path: file.path, content: render(template) })
  }
  for (const path of sharedFiles) {
    if (!existsSync(join(service, path))) {
      planned.push({ path, content: await readFile(join(templateRoot, path), 'utf8') })
    }
  }
  return planned
}

/** The composition root, table list and migration list, changed on their syntax trees. */
async function wiredFiles(service: string, model: ResourceModel): Promise<PlannedFile[]> {
  const planned: PlannedFile[] = []
  for (const wiring of wiringOf(model)) {
    const text = await readFile(join(service, wiring.path), 'utf8').catch(() => undefined)
    if (text === undefined) throw new WiringRefused(wiring.path, 'the file is missing', [wiring.change])
    planned.push({ path: wiring.path, content: wiring.apply(text), change: wiring.change })
  }
  return planned
}

/** .anatomy.json with the resource and the answers it was made with, for regenerating it later. */
function recorded(anatomy: AnatomyFile, resource: AnatomyFile['resources'][number]): PlannedFile {
  const updated = { ...anatomy, resources: [...anatomy.resources, resource] }
  return { path: anatomyFileName, content: serializeAnatomyFile(updated), change: `records ${resource.name}` }
}

function required(value: string | undefined, what: string): string {
  if (value === undefined) throw new UsageError(`missing ${what}`)
  return value
}
