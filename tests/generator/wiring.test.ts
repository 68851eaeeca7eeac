import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { UsageError } from '../../generator/src/usage-error.js'
import { registerInCompositionRoot } from '../../generator/src/wiring/composition-root.js'
import { addToMigrations } from '../../generator/src/wiring/migration-list.js'
import { addToTables } from '../../generator/src/wiring/table-list.js'

const pets = {
  plugin: 'petsResource(createPetsService(createPetsGateway(database.db)))',
  needs: ['database'],
  imports: [
    { names: ['createPetsGateway'], from: './gateways/pets.gateway.js' },
    { names: ['petsResource'], from: './resources/pets.resource.js' },
    { names: ['createPetsService'], from: './service/pets.service.js' },
  ],
}

const app = (
  body: string,
  imports = "import { healthResource } from './resources/health.resource.js'",
) => `${imports}

export async function buildApp(config: Config, dependencies: AppDependencies = {}): Promise<Server> {
${body}
}
`

const parses = (text: string) =>
  (
    ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, true) as unknown as {
      parseDiagnostics: unknown[]
    }
  ).parseDiagnostics.length === 0

describe('registering a resource in the composition root', () => {
  it('adds it after the last registration, with its imports', () => {
    const wired = registerInCompositionRoot(
      app(`  const database = await openDatabase(config.database)
  try {
    const server = await createServer(config.http)
    await server.register(healthResource(health))
    return server
  } finally {}`),
      pets,
    )

    expect(wired).toContain(
      `    await server.register(healthResource(health))
    await server.register(petsResource(createPetsService(createPetsGateway(database.db))))
    return server`,
    )
    expect(wired).toContain("import { createPetsGateway } from './gateways/pets.gateway.js'")
    expect(wired).toContain("import { petsResource } from './resources/pets.resource.js'")
    expect(parses(wired)).toBe(true)
  })

  it.each([
    [
      'a registration the formatter wrapped over lines',
      `  const database = open()
  const app = fastify()
  await app.register(
    ordersResource(
      createOrdersService(createOrdersGateway(database.db)),
    ),
  )
  return app`,
      /createOrdersGateway\(database\.db\)\),\n {4}\),\n {2}\)\n {2}await app\.register\(petsResource/,
    ],
    [
      'comments and statements of its own between the lines',
      `  const database = open() // the one database
  const server = build()
  /* resources */
  await server.register(healthResource(health)) // health first
  server.addHook('onRequest', audit)
  // and more below
  return server`,
      /\/\/ health first\n {2}await server\.register\(petsResource/,
    ],
    [
      'a registration without await, in an if',
      `  const database = open()
  const server = build()
  if (config.health.enabled) {
    server.register(healthResource(health))
  }
  return server`,
      /server\.register\(healthResource\(health\)\)\n {4}await server\.register\(petsResource/,
    ],
    ['an arrow function instead of a declaration', '', /await server\.register\(petsResource/],
  ])('works with %s', (_, body, expected) => {
    const text =
      body === ''
        ? `export const buildApp = async (config: Config) => {
  const database = open()
  const server = build()
  await server.register(healthResource(health))
  return server
}
`
        : app(body)

    const wired = registerInCompositionRoot(text, pets)

    expect(wired).toMatch(expected)
    expect(parses(wired)).toBe(true)
  })

  it('puts the service in a span of its own when buildApp traces its services', () => {
    const body = (declares: string) => `  const database = open()
${declares}  await server.register(healthResource(health))`
    const tracedPets = {
      ...pets,
      tracedPlugin: "petsResource(traced('pets', createPetsService(createPetsGateway(database.db))))",
    }

    const traced = registerInCompositionRoot(
      app(body('  const traced = tracedWhen(config.tracing.enabled)\n')),
      tracedPets,
    )
    const untraced = registerInCompositionRoot(app(body('')), tracedPets)

    expect(traced).toContain("await server.register(petsResource(traced('pets', createPetsService(")
    expect(untraced).toContain('await server.register(petsResource(createPetsService(')
  })

  it('keeps imports the file has in whatever order, adding only the missing ones', () => {
    const imports = [
      "import { petsResource } from './resources/pets.resource.js'",
      "import { healthResource } from './resources/health.resource.js'",
    ].join('\n')
    const text = app('  const database = open()\n  await server.register(healthResource(health))', imports)

    const wired = registerInCompositionRoot(text, pets)

    expect(wired.match(/petsResource \}/g)).toHaveLength(1)
    expect(wired).toContain("import { createPetsService } from './service/pets.service.js'")
  })

  it.each([
    ['no buildApp', 'export function main() {}\n', /has no function buildApp/],
    ['no registration', app('  const database = open()\n  return build()'), /no `await server.register/],
    ['no database', app('  await server.register(healthResource(health))'), /buildApp has no `database`/],
  ])('refuses a composition root with %s, saying what it would add', (_, text, reason) => {
    const attempt = () => registerInCompositionRoot(text, pets)

    expect(attempt).toThrow(UsageError)
    expect(attempt).toThrow(reason)
    expect(attempt).toThrow(/await server\.register\(petsResource\(createPetsService/)
  })

  it('refuses a composition root that does not parse, and says where', () => {
    const broken = app('  const database = open(\n  await server.register(x)')

    expect(() => registerInCompositionRoot(broken, pets)).toThrow(/src\/app\.ts does not parse \(.*expected/)
  })
})

describe('adding a table to Tables', () => {
  it('fills the empty interface, and drops the comment that allowed it to be empty', () => {
    const text = `/** Tables. */
// biome-ignore lint/suspicious/noEmptyInterface: tables are added here as resources are added
export interface Tables {}
`
    const wired = addToTables(text, 'pets', 'PetsTable', './pets.table.js')

    expect(wired).not.toContain('biome-ignore')
    expect(wired).toMatch(/export interface Tables \{\n {2}pets: PetsTable\n\}/)
    expect(wired).toContain("import type { PetsTable } from './pets.table.js'")
  })

  it('adds after the last table, however the members are written', () => {
    const text = "import type { A } from './a.js'\nexport interface Tables { a: A; /* b later */ }\n"

    const wired = addToTables(text, 'pets', 'PetsTable', './pets.table.js')

    expect(wired).toContain('a: A;\n  pets: PetsTable')
    expect(parses(wired)).toBe(true)
  })

  it('refuses a file with no Tables, or one that has the table', () => {
    expect(() => addToTables('export type Tables = {}\n', 'pets', 'PetsTable', './p.js')).toThrow(
      /declares no interface Tables/,
    )
    expect(() => addToTables('export interface Tables { pets: X }\n', 'pets', 'PetsTable', './p.js')).toThrow(
      /already has pets/,
    )
  })
})

describe('adding a migration to the list', () => {
  it.each([
    ['empty', 'export const migrations: Record<string, Migration> = {}\n'],
    ['with a trailing comma', "export const migrations = {\n  '1_a': a,\n}\n"],
    ['without one, on a line', "export const migrations = { '1_a': a }\n"],
    [
      'checked with satisfies',
      "export const migrations = { '1_a': a } satisfies Record<string, Migration>\n",
    ],
  ])('adds to a list %s', (_, text) => {
    const wired = addToMigrations(text, '2_create_pets', 'createPets')

    expect(wired).toContain("'2_create_pets': createPets,")
    expect(wired).toContain("import * as createPets from './2_create_pets.js'")
    expect(parses(wired)).toBe(true)
  })

  it('refuses a file with no migrations object', () => {
    expect(() => addToMigrations('export const migrations = load()\n', '2_x', 'x')).toThrow(
      /has no `export const migrations = \{ ... \}`/,
    )
  })
})
