import { registerInCompositionRoot } from '../wiring/composition-root.js'
import { addToMigrations } from '../wiring/migration-list.js'
import { addToTables } from '../wiring/table-list.js'
import type { ResourceModel } from './resource-model.js'

/** A file the resource adds: where it goes, and the template it is rendered from. */
export interface AddedFile {
  readonly path: string
  readonly template: string
}

/**
 * Plumbing every resource uses, which `anatomy new` writes from the service template: copied
 * from there into a service made before the template had it, kept as it is otherwise.
 */
export const sharedFiles = [
  'src/domain/page.ts',
  'src/domain/list-query.ts',
  'src/resources/list-query.ts',
  'src/gateways/database-errors.ts',
  'src/gateways/keyset.ts',
  'test/fakes/memory.ts',
  'test/fakes/list-query.ts',
]

/** A change to a file the service already has, made on its syntax tree. */
export interface Wiring {
  readonly path: string
  /** What changes, in a line, for --dry-run. */
  readonly change: string
  readonly apply: (text: string) => string
}

export function filesOf(m: ResourceModel): AddedFile[] {
  const domain = `src/domain/${m.kebabPlural}`
  return [
    { path: `${domain}/${m.kebab}.ts`, template: 'entity.ts.hbs' },
    { path: `${domain}/${m.kebab}.errors.ts`, template: 'errors.ts.hbs' },
    { path: `${domain}/${m.kebab}-repository.port.ts`, template: 'repository-port.ts.hbs' },
    { path: `src/service/${m.kebabPlural}.service.ts`, template: 'service.ts.hbs' },
    { path: `src/resources/${m.kebabPlural}.schemas.ts`, template: 'schemas.ts.hbs' },
    { path: `src/resources/${m.kebabPlural}.resource.ts`, template: 'resource.ts.hbs' },
    { path: `src/gateways/${m.kebabPlural}.gateway.ts`, template: 'gateway.ts.hbs' },
    { path: `src/clients/database/${m.kebabPlural}.table.ts`, template: 'table.ts.hbs' },
    { path: `src/migrations/${m.migrationId}.ts`, template: 'migration.ts.hbs' },
    { path: `test/fixtures/${m.kebabPlural}.ts`, template: 'fixtures.ts.hbs' },
    { path: `test/contracts/${m.kebab}-repository.contract.ts`, template: 'contract.ts.hbs' },
    { path: `test/fakes/${m.kebabPlural}.fake.ts`, template: 'fake.ts.hbs' },
    { path: `test/fakes/${m.kebabPlural}.fake.test.ts`, template: 'fake.test.ts.hbs' },
    { path: `test/domain/${m.kebab}.test.ts`, template: 'entity.test.ts.hbs' },
    { path: `test/service/${m.kebabPlural}.service.test.ts`, template: 'service.test.ts.hbs' },
    { path: `test/gateways/${m.kebabPlural}.gateway.test.ts`, template: 'gateway.test.ts.hbs' },
    { path: `test/resources/${m.kebabPlural}.resource.test.ts`, template: 'resource.test.ts.hbs' },
  ]
}

/** The wiring: the composition root registers the resource; the table and migration lists gain an entry. */
export function wiringOf(m: ResourceModel): Wiring[] {
  const gateways = [m, ...m.parents].map((resource) => `create${resource.Entities}Gateway(database.db)`)
  const service = `create${m.Entities}Service(${gateways.join(', ')})`
  const plugin = `${m.entities}Resource(${service})`
  return [
    {
      path: 'src/app.ts',
      change: `registers ${plugin} in buildApp`,
      apply: (text) =>
        registerInCompositionRoot(text, {
          plugin,
          tracedPlugin: `${m.entities}Resource(traced('${m.entities}', ${service}))`,
          needs: ['database'],
          imports: [
            { names: [`create${m.Entities}Gateway`], from: `./gateways/${m.kebabPlural}.gateway.js` },
            { names: [`${m.entities}Resource`], from: `./resources/${m.kebabPlural}.resource.js` },
            { names: [`create${m.Entities}Service`], from: `./service/${m.kebabPlural}.service.js` },
            ...m.parents.map((parent) => ({
              names: [`create${parent.Entities}Gateway`],
              from: `./gateways/${parent.kebabPlural}.gateway.js`,
            })),
          ],
        }),
    },
    {
      path: 'src/clients/database/tables.ts',
      change: `adds ${m.table}: ${m.Entities}Table to interface Tables`,
      apply: (text) => addToTables(text, m.table, `${m.Entities}Table`, `./${m.kebabPlural}.table.js`),
    },
    {
      path: 'src/migrations/index.ts',
      change: `adds migration '${m.migrationId}'`,
      apply: (text) => addToMigrations(text, m.migrationId, m.migrationImport),
    },
  ]
}
