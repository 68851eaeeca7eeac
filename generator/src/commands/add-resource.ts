import { existsSync } from 'node:fs'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { readAnatomyFile } from '../anatomy-file.js'
import type { ResourceAnswers } from '../generators/resource.generator.js'
import { parseFieldSpecs } from '../resource/field-spec.js'
import { editsOf, filesOf } from '../resource/resource-files.js'
import { type ResourceModel, resourceModelOf } from '../resource/resource-model.js'
import { resourceNamesOf } from '../resource/resource-name.js'
import { formatWithServiceTools } from '../service-formatter.js'
import { UsageError } from '../usage-error.js'

export interface AddResourceOptions {
  readonly fields?: string
  readonly service: string
  readonly yes: boolean
  readonly migrationTimestamp?: string
  readonly quiet?: boolean
}

/** `anatomy add resource <name> --fields ...`: a resource across every layer, wired and tested. */
export async function addResource(name: string | undefined, options: AddResourceOptions): Promise<void> {
  const service = resolve(options.service)
  const anatomy = readAnatomyFile(service)
  const interactive = !options.yes && process.stdin.isTTY === true
  if (name !== undefined) resourceNamesOf(name)
  if (options.fields !== undefined) parseFieldSpecs(options.fields)

  const { createPlop } = await import('../plop.js')
  const plop = await createPlop(service)
  const generator = plop.getGenerator('resource')
  const given = interactive
    ? await generator.runPrompts([name ?? '_', options.fields ?? '_'])
    : {
        name: required(name, 'resource name: anatomy add resource <name>'),
        fieldSpec: required(
          options.fields,
          '--fields: anatomy add resource <name> --fields "name:string,notes:text?"',
        ),
      }

  const names = resourceNamesOf(given.name)
  const model = resourceModelOf(names, parseFieldSpecs(given.fieldSpec), migrationIdOf(names.table, options))
  if (anatomy.resources.some((resource) => resourceNamesOf(resource.name).kebab === names.kebab)) {
    throw new UsageError(`resource "${names.kebab}" already exists in ${service}`)
  }
  await assertApplicable(service, model)

  const touched = [
    ...filesOf(model).map((file) => join(service, file.path)),
    ...editsOf(model).map((edit) => join(service, edit.path)),
    join(service, '.anatomy.json'),
  ]
  const before = await snapshotOf(touched)
  const answers: ResourceAnswers = { name: given.name, fieldSpec: given.fieldSpec, service, model }
  const { failures } = await generator.runActions(answers)
  if (failures.length > 0) {
    await restore(before)
    throw new Error(`could not add ${names.kebab}: ${failures.map((failure) => failure.error).join('; ')}`)
  }
  formatWithServiceTools(
    service,
    touched.filter((path) => existsSync(path) && path.endsWith('.ts')),
  )
  if (options.quiet) return
  console.log(`added ${names.kebab}: ${filesOf(model).length} files, wired into src/app.ts`)
  console.log(`  routes: GET|POST /${names.kebabPlural}, GET|PATCH|DELETE /${names.kebabPlural}/{id}`)
}

/** Refuses, before anything is written, a resource whose files exist or whose wiring has no place. */
async function assertApplicable(service: string, model: ResourceModel): Promise<void> {
  for (const file of filesOf(model).filter((file) => !file.shared)) {
    if (existsSync(join(service, file.path))) {
      throw new UsageError(`resource "${model.kebab}" already exists: ${file.path} is there`)
    }
  }
  for (const edit of editsOf(model)) {
    const text = await readFile(join(service, edit.path), 'utf8').catch(() => undefined)
    if (text === undefined || !edit.pattern.test(text)) {
      throw new UsageError(`cannot wire the resource: ${edit.path} should have ${edit.expects}, and has not`)
    }
  }
}

async function snapshotOf(paths: readonly string[]): Promise<Map<string, string | undefined>> {
  const entries = await Promise.all(
    paths.map(async (path) => [path, await readFile(path, 'utf8').catch(() => undefined)] as const),
  )
  return new Map(entries)
}

async function restore(snapshot: Map<string, string | undefined>): Promise<void> {
  for (const [path, text] of snapshot) {
    if (text === undefined) await rm(path, { force: true })
    else await writeFile(path, text)
  }
}

/** Migrations run in name order: a UTC timestamp first keeps them in the order they were made. */
function migrationIdOf(table: string, { migrationTimestamp }: AddResourceOptions): string {
  const timestamp = migrationTimestamp ?? new Date().toISOString().replace(/\D/g, '').slice(0, 14)
  if (!/^\d{14}$/.test(timestamp)) {
    throw new UsageError(`--migration-timestamp must be 14 digits, yyyymmddhhmmss: got "${timestamp}"`)
  }
  return `${timestamp}_create_${table}`
}

function required(value: string | undefined, what: string): string {
  if (value === undefined) throw new UsageError(`missing ${what}`)
  return value
}
