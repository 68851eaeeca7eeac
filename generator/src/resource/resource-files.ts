import type { ResourceModel } from './resource-model.js'

/** A file the resource adds: where it goes, and the template it is rendered from. */
export interface AddedFile {
  readonly path: string
  readonly template: string
  /** Shared by every resource: written with the first, kept as it is afterwards. */
  readonly shared?: boolean
}

/** A change to a file the service already has, as a search-and-replace that must find its place. */
export interface FileEdit {
  readonly path: string
  readonly pattern: RegExp
  readonly replacement: string
  /** What the file is expected to contain, for the message when the pattern finds nothing. */
  readonly expects: string
  /** Applied to the whole file after the replacement. */
  readonly transform?: (text: string) => string
}

export function filesOf(m: ResourceModel): AddedFile[] {
  const domain = `src/domain/${m.kebabPlural}`
  return [
    { path: 'src/domain/page.ts', template: 'page.ts.hbs', shared: true },
    { path: `${domain}/${m.kebab}.ts`, template: 'entity.ts.hbs' },
    { path: `${domain}/${m.kebab}.errors.ts`, template: 'errors.ts.hbs' },
    { path: `${domain}/${m.kebab}-repository.port.ts`, template: 'repository-port.ts.hbs' },
    { path: `src/service/${m.kebabPlural}.service.ts`, template: 'service.ts.hbs' },
    { path: `src/resources/${m.kebabPlural}.schemas.ts`, template: 'schemas.ts.hbs' },
    { path: `src/resources/${m.kebabPlural}.resource.ts`, template: 'resource.ts.hbs' },
    { path: 'src/gateways/database-errors.ts', template: 'database-errors.ts.hbs', shared: true },
    { path: `src/gateways/${m.kebabPlural}.gateway.ts`, template: 'gateway.ts.hbs' },
    { path: `src/clients/database/${m.kebabPlural}.table.ts`, template: 'table.ts.hbs' },
    { path: `src/migrations/${m.migrationId}.ts`, template: 'migration.ts.hbs' },
    { path: `test/examples/${m.kebabPlural}.ts`, template: 'examples.ts.hbs' },
    { path: `test/contracts/${m.kebab}-repository.contract.ts`, template: 'contract.ts.hbs' },
    { path: `test/fakes/${m.kebabPlural}.fake.ts`, template: 'fake.ts.hbs' },
    { path: `test/fakes/${m.kebabPlural}.fake.test.ts`, template: 'fake.test.ts.hbs' },
    { path: `test/domain/${m.kebab}.test.ts`, template: 'entity.test.ts.hbs' },
    { path: `test/service/${m.kebabPlural}.service.test.ts`, template: 'service.test.ts.hbs' },
    { path: `test/gateways/${m.kebabPlural}.gateway.test.ts`, template: 'gateway.test.ts.hbs' },
    { path: `test/resources/${m.kebabPlural}.resource.test.ts`, template: 'resource.test.ts.hbs' },
  ]
}

/** The wiring: the composition root, the table list and the migration list each gain a line. */
export function editsOf(m: ResourceModel): FileEdit[] {
  return [
    prepend(
      'src/app.ts',
      [
        `import { create${m.Entities}Gateway } from './gateways/${m.kebabPlural}.gateway.js'`,
        `import { ${m.entities}Resource } from './resources/${m.kebabPlural}.resource.js'`,
        `import { create${m.Entities}Service } from './service/${m.kebabPlural}.service.js'`,
        '',
      ].join('\n'),
    ),
    {
      path: 'src/app.ts',
      // After the last resource registered, so resources appear in the order they were added.
      pattern: /^( *)await server\.register\([^\n]*\)\n(?![\s\S]*^ *await server\.register\()/m,
      replacement: `$&$1await server.register(${m.entities}Resource(create${m.Entities}Service(create${m.Entities}Gateway(database.db))))\n`,
      expects: 'a line `await server.register(...)` in buildApp',
    },
    prepend(
      'src/clients/database/tables.ts',
      `import type { ${m.Entities}Table } from './${m.kebabPlural}.table.js'\n`,
    ),
    {
      path: 'src/clients/database/tables.ts',
      pattern: /(?:\/\/ biome-ignore[^\n]*\n)?(export interface Tables \{[^}]*?)\n?\}/,
      replacement: `$1\n  ${m.table}: ${m.Entities}Table\n}`,
      expects: 'the `export interface Tables { ... }` declaration',
    },
    prepend('src/migrations/index.ts', `import * as ${m.migrationImport} from './${m.migrationId}.js'\n`),
    {
      path: 'src/migrations/index.ts',
      pattern: /(export const migrations: Record<string, Migration> = \{[^}]*?)\n?\}/,
      replacement: `$1\n  '${m.migrationId}': ${m.migrationImport},\n}`,
      expects: 'the `export const migrations: Record<string, Migration> = { ... }` declaration',
    },
  ]
}

/** Imports go first; the service's formatter puts them in order afterwards. */
function prepend(path: string, text: string): FileEdit {
  return { path, pattern: /^/, replacement: text, expects: 'a file', transform: blankLineAfterImports }
}

/** The formatter orders imports but leaves blank lines alone: one separates imports from code. */
export function blankLineAfterImports(text: string): string {
  const lines = text.split('\n')
  let index = 0
  while (lines[index]?.startsWith('import ')) {
    while (!/['"];?$/.test(lines[index] ?? "'")) index++
    index++
  }
  if (index > 0 && lines[index] !== '') lines.splice(index, 0, '')
  return lines.join('\n')
}
