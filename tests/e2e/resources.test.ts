import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { type OpenApiDocument, operationsOf } from '../support/fuzz/openapi.js'
import { fuzz } from '../support/fuzz/run.js'
import { postgresUrl } from '../support/postgres.js'
import { run, runAnatomy } from '../support/run.js'
import { generatedService } from '../support/service-folder.js'
import { startProcess, waitForStatus } from '../support/service-process.js'

const databaseUrl = postgresUrl()

/**
 * Five resources in a row: every field type, optional and required, a long name, names that are
 * SQL and TypeScript keywords, references required and optional, restricting and cascading, two
 * to one resource; the composition root edited by hand between them.
 */
const resources: [name: string, fields: string][] = [
  ['pet-owner', 'name:string,email:string?,notes:text?,born:date,lastSeen:datetime?,rank:integer?'],
  ['person', 'bio:text,weightKg:number,vip:boolean,badge:uuid?,tier:enum(gold|silver|bronze)'],
  ['category', 'colour:enum(red|green)?,since:datetime,score:number?,active:boolean?'],
  [
    'veterinary-appointment-reminder-with-a-long-name',
    'owner:ref(pet-owner),doctor:ref(person)?,nurse:ref(person)?,at:datetime,note:text?',
  ],
  ['order', 'select:string,from:date?,default:integer?,group:ref(category, cascade)'],
]

/** Fields added afterwards, each by a migration of its own. */
const addedFields = [
  ['pet-owner', 'nickname:string?'],
  ['order', 'kind:enum(big|small)?'],
  ['category', 'rank:integer?'],
]

/** What a person might do to src/app.ts between two resources, keeping its meaning. */
const handEdits = [
  (app: string) =>
    app.replace(
      'await server.register(healthResource(health))',
      '// health first, for the probes\n    await server.register(\n      healthResource(health),\n    )',
    ),
  (app: string) => app.replace(/^(import .*\n)(import .*\n)/m, '$2$1'),
  (app: string) =>
    app.replace(
      '    return server\n',
      "    server.addHook('onRequest', async () => {})\n    return server\n",
    ),
]

describe('a service after five resources and three added fields, with hand edits in between', () => {
  let service: string
  const inService = (command: string, ...args: string[]) =>
    run(command, args, { cwd: service, env: { DATABASE_URL: databaseUrl } })

  beforeAll(async () => {
    service = await generatedService()
    for (const [index, [name, fields]] of resources.entries()) {
      const added = await runAnatomy([
        'add',
        'resource',
        name,
        '--fields',
        fields,
        '--service',
        service,
        '--yes',
      ])
      expect(added.code, added.stderr).toBe(0)
      const edit = handEdits[index]
      if (edit)
        await writeFile(
          join(service, 'src/app.ts'),
          edit(await readFile(join(service, 'src/app.ts'), 'utf8')),
        )
    }
    for (const [resource = '', field = ''] of addedFields) {
      const added = await runAnatomy(['add', 'field', resource, field, '--service', service])
      expect(added.code, added.stderr).toBe(0)
    }
  }, 180_000)

  it('typechecks', { timeout: 120_000 }, async () => {
    const { code, stdout } = await inService('npx', 'tsc', '--noEmit')
    expect(code, stdout).toBe(0)
  })

  it('lints clean', { timeout: 60_000 }, async () => {
    const { code, stdout, stderr } = await inService('npx', 'biome', 'check', '.')
    expect(code, stdout + stderr).toBe(0)
  })

  // Five resources' suites on two databases, beside the image builds: over three minutes on two cores.
  it(`passes its own tests, on PGlite${databaseUrl ? ' and on PostgreSQL, skipping none' : ''}`, {
    timeout: 480_000,
  }, async () => {
    const { code, stdout, stderr } = await inService('npx', 'vitest', 'run')
    expect(code, stdout + stderr).toBe(0)
    expect(stdout).toMatch(/Tests\s+\d+ passed/)
    // Without a server, the PostgreSQL tests are rightly skipped; with one, none may be.
    if (databaseUrl) expect(stdout).not.toMatch(/skipped/)
  })

  it('serves its OpenAPI document, and a fuzzer finds no 5xx and no accepted invalid request', {
    timeout: 240_000,
  }, async () => {
    const started = await startProcess(process.execPath, ['--import', 'tsx', 'src/main.ts'], service, {
      DATABASE_URL: '',
      PGLITE_DATA_DIR: 'memory://',
    })
    try {
      expect(await waitForStatus(`${started.baseUrl}/health/ready`, 200, 60_000), started.output()).toBe(true)
      const document = (await (await fetch(`${started.baseUrl}/docs/json`)).json()) as OpenApiDocument
      const operations = operationsOf(document).filter((operation) => operation.path !== '/metrics')
      const operationIds = Object.values(
        document.paths as Record<string, Record<string, { operationId?: string }>>,
      ).flatMap((path) => Object.values(path).map((operation) => operation.operationId))
      expect(operationIds).toEqual(
        expect.arrayContaining([
          'listVeterinaryAppointmentReminderWithALongNamesOfOwner',
          'listOrdersOfGroup',
          'addOrder',
        ]),
      )
      const owner = await fetch(`${started.baseUrl}/pet-owners`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Fuzz', born: '2020-01-01' }),
      })
      expect(owner.status).toBe(201)

      await fuzz({
        baseUrl: started.baseUrl,
        operations,
        pathValues: { id: [((await owner.json()) as { id: string }).id] },
        bodyLimitBytes: 1_048_576,
        seed: 20_261_202,
        runs: 800,
      })
    } finally {
      await started.stop()
    }
  })
})
