import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { anatomyFileName, readAnatomyFile, serializeAnatomyFile } from '../anatomy-file.js'
import { describeChanges, type PlannedFile, writeChanges } from '../change-set.js'
import { parseFieldSpecs } from '../resource/field-spec.js'
import { fieldModelOf, identifierOf } from '../resource/resource-model.js'
import { resourceNamesOf } from '../resource/resource-name.js'
import { alsoOnBase } from '../update/keep-base.js'
import { UsageError } from '../usage-error.js'
import { fieldWirings } from '../wiring/field-wiring.js'
import { addToMigrations } from '../wiring/migration-list.js'
import { WiringRefused } from '../wiring/wiring-refused.js'
import { migrationIdOf } from './migration-id.js'

export interface AddFieldOptions {
  readonly service: string
  readonly dryRun?: boolean
  readonly migrationTimestamp?: string
  readonly quiet?: boolean
}

/**
 * `anatomy add field <resource> <spec>`: a new, optional field on a resource the service has: a
 * migration that adds the column (existing rows get null), and the field in the table, entity,
 * schemas, gateway, resource, fake and examples, each changed on its syntax tree.
 */
export async function addField(resource: string, spec: string, options: AddFieldOptions): Promise<void> {
  const service = resolve(options.service)
  const anatomy = readAnatomyFile(service)
  const names = resourceNamesOf(resource)
  const [field, ...more] = parseFieldSpecs(spec)
  if (!field || more.length > 0)
    throw new UsageError('give one field: anatomy add field <resource> name:type?')
  const recorded = anatomy.resources.find(
    (candidate) => resourceNamesOf(candidate.name).kebab === names.kebab,
  )
  if (!recorded)
    throw new UsageError(`the service has no resource "${names.kebab}": add it with anatomy add resource`)
  if (field.reference) {
    throw new UsageError(`field "${field.name}": a reference is added with its resource, or by hand`)
  }
  if (!field.optional) {
    throw new UsageError(
      `field "${field.name}" must be optional (${field.name}:${field.typeName}?): the rows there already have no value for it`,
    )
  }
  const existing = [recorded.fields, ...(recorded.addedFields ?? []).map((added) => added.field)].join(',')
  if (parseFieldSpecs(existing).some((known) => known.name === field.name)) {
    throw new UsageError(`resource "${names.kebab}" already has a field "${field.name}"`)
  }

  const model = fieldModelOf(field, names)
  const migrationId = migrationIdOf(`add_${field.column}_to_${names.table}`, options.migrationTimestamp)
  const migrationImport = `add${names.Entities}${field.name.charAt(0).toUpperCase()}${field.name.slice(1)}`
  const plan: PlannedFile[] = [
    { path: `src/migrations/${migrationId}.ts`, content: migrationOf(names.table, model) },
  ]
  for (const wiring of [
    ...fieldWirings(names, model),
    {
      path: 'src/migrations/index.ts',
      change: `adds migration '${migrationId}'`,
      apply: (text: string) => addToMigrations(text, migrationId, migrationImport),
    },
  ]) {
    const text = await readFile(join(service, wiring.path), 'utf8').catch(() => undefined)
    if (text === undefined) throw new WiringRefused(wiring.path, 'the file is missing', [wiring.change])
    plan.push({ path: wiring.path, content: wiring.apply(text), change: wiring.change })
  }
  const resources = anatomy.resources.map((candidate) =>
    candidate === recorded
      ? {
          ...candidate,
          addedFields: [...(candidate.addedFields ?? []), { field: spec.trim(), migration: migrationId }],
        }
      : candidate,
  )
  plan.push({
    path: anatomyFileName,
    content: serializeAnatomyFile({ ...anatomy, resources }),
    change: `records ${spec}`,
  })

  if (options.dryRun) {
    console.log(
      `anatomy add field ${names.kebab} ${spec} would write, in ${service}:\n${describeChanges(plan)}`,
    )
    return
  }
  await writeChanges(service, plan)
  await alsoOnBase(service, (base) =>
    addField(resource, spec, { service: base, quiet: true, migrationTimestamp: migrationId.slice(0, 14) }),
  )
  if (!options.quiet) console.log(`added ${field.name} to ${names.kebab}: migration ${migrationId}`)
}

function migrationOf(table: string, f: ReturnType<typeof fieldModelOf>): string {
  const index = f.filterEq || f.filterRange || f.filterIn
  const usesSql = index || f.columnConstraints.includes('sql')
  return `${usesSql ? "import { type Kysely, sql } from 'kysely'" : "import type { Kysely } from 'kysely'"}

/** Adds ${f.name} to ${table}: optional, so the rows already there stay valid.${
    f.enumeration
      ? ` Its CHECK spells out the values of ${f.enumeration.constant} when this was written, rather than import them: a migration must stay what it was when it ran.`
      : ''
  } */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('${table}').addColumn('${f.column}', ${f.columnType}${f.columnConstraints}).execute()
${
  index
    ? `  await db.schema.createIndex('${identifierOf(`${table}_${f.column}_id`)}').on('${table}').expression(sql\`\${sql.ref('${f.column}')}${f.collated ? ' collate "C"' : ''}, id\`).execute()\n`
    : ''
}}
`
}
