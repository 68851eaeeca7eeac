import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { templateRoot } from '../../generator/src/paths.js'
import { sharedFiles } from '../../generator/src/resource/resource-files.js'
import { temporaryFolder } from '../support/files.js'
import { run, runAnatomy } from '../support/run.js'
import { contentsOf, generatedService } from '../support/service-folder.js'

describe('anatomy add resource', () => {
  let service: string
  const add = (...args: string[]) => runAnatomy(['add', 'resource', ...args, '--service', service, '--yes'])

  beforeAll(async () => {
    service = await generatedService()
    const added = await add('order', '--fields', 'item:string,quantity:integer,paid:boolean?')
    expect(added.code, added.stderr).toBe(0)
  })

  it('documents its flags and the field types', async () => {
    const { code, stdout } = await runAnatomy(['add', 'resource', '--help'])

    expect(code).toBe(0)
    for (const text of ['--fields', '--service', '--yes', 'enum(a|b|c)']) expect(stdout).toContain(text)
  })

  it('records the resource and its answers in .anatomy.json', async () => {
    const record = JSON.parse(await readFile(join(service, '.anatomy.json'), 'utf8'))

    expect(record.resources).toEqual([
      {
        name: 'order',
        fields: 'item:string,quantity:integer,paid:boolean?',
        migration: expect.stringMatching(/^\d{14}_create_orders$/),
      },
    ])
  })

  it('wires the resource into the composition root', async () => {
    const app = await readFile(join(service, 'src/app.ts'), 'utf8')

    // As the formatter leaves it: one call over three lines.
    expect(app).toContain(
      "    await server.register(\n      ordersResource(traced('orders', createOrdersService(createOrdersGateway(database.db)))),\n    )",
    )
  })

  it('prints what it would write on --dry-run, and writes nothing', async () => {
    const before = await contentsOf(service)

    const { code, stdout } = await add('invoice', '--fields', 'total:number', '--dry-run')

    expect(code).toBe(0)
    expect(stdout).toMatch(/^create {2}src\/domain\/invoices\/invoice\.ts$/m)
    expect(stdout).toMatch(/^change {2}src\/app\.ts: registers invoicesResource\(/m)
    expect(stdout).toMatch(/^change {2}src\/migrations\/index\.ts: adds migration '\d{14}_create_invoices'$/m)
    expect(await contentsOf(service)).toEqual(before)
  })

  it('wires into a composition root reformatted and edited by hand, which then still compiles', {
    timeout: 60_000,
  }, async () => {
    const appFile = join(service, 'src/app.ts')
    const app = await readFile(appFile, 'utf8')
    const handEdited = app
      .replace(
        "await server.register(\n      ordersResource(traced('orders', createOrdersService(createOrdersGateway(database.db)))),\n    )",
        [
          '// orders first: the others depend on them',
          'await server.register(',
          "      ordersResource(traced('orders', createOrdersService(createOrdersGateway(database.db)))),",
          '    ) // keep this comment here',
          "    server.addHook('onRequest', async () => {})",
        ].join('\n'),
      )
      .replace(/^(import .*\n)(import .*\n)/m, '$2$1')
    await writeFile(appFile, handEdited)

    const added = await add('invoice', '--fields', 'total:number,due:date?')
    const compiled = await run('npx', ['tsc', '--noEmit'], { cwd: service })

    expect(added.code, added.stderr).toBe(0)
    const wired = await readFile(appFile, 'utf8')
    expect(wired).toContain('// keep this comment here')
    expect(wired).toMatch(
      /\/\/ keep this comment here\n\s+await server\.register\(\s*invoicesResource\(traced\('invoices', createInvoicesService\(createInvoicesGateway\(database\.db\)\)\)\),?\s*\)/,
    )
    expect(compiled.code, compiled.stdout).toBe(0)
  })

  it('copies the shared list plumbing from the template into a service made before the template had it', {
    timeout: 60_000,
  }, async () => {
    const older = await generatedService()
    for (const file of sharedFiles) await rm(join(older, file))

    const added = await runAnatomy([
      'add',
      'resource',
      'order',
      '--fields',
      'item:string',
      '--service',
      older,
      '--yes',
    ])
    const compiled = await run('npx', ['tsc', '--noEmit'], { cwd: older })

    expect(added.code, added.stderr).toBe(0)
    for (const file of sharedFiles) {
      expect(await readFile(join(older, file), 'utf8'), file).toBe(
        await readFile(join(templateRoot, file), 'utf8'),
      )
    }
    expect(compiled.code, compiled.stdout).toBe(0)
  })

  it('refuses a composition root that registers no resource any more: exit 2, what to add, nothing written', async () => {
    const appFile = join(service, 'src/app.ts')
    const app = await readFile(appFile, 'utf8')
    await writeFile(appFile, app.replace(/await server\.register\(/g, 'await registerLater(server, '))
    const before = await contentsOf(service)

    try {
      const { code, stderr } = await add('receipt', '--fields', 'total:number')

      expect(code).toBe(2)
      expect(stderr).toMatch(/cannot change src\/app\.ts: buildApp has no `await server\.register\(\.\.\.\)`/)
      expect(stderr).toContain(
        "await server.register(receiptsResource(traced('receipts', createReceiptsService(createReceiptsGateway(database.db)))))",
      )
      expect(await contentsOf(service)).toEqual(before)
    } finally {
      await writeFile(appFile, app)
    }
  })

  describe('refuses, touching nothing', () => {
    it.each([
      [['invoice', '--fields', 'total:money'], /unknown type "money"/],
      [['order', '--fields', 'item:string'], /resource "order" already exists/],
      [['class', '--fields', 'name:string'], /reserved word/],
      [['invoices', '--fields', 'total:number'], /singular: use "invoice"/],
      [['invoice', '--fields', 'id:uuid'], /field "id" is reserved/],
      [['invoice'], /missing --fields/],
      [['invoice', '--fields', 'total:number', '--migration-timestamp', '2026'], /14 digits/],
    ])('%j', async (args, reason) => {
      const before = await contentsOf(service)

      const { code, stderr } = await add(...args)

      expect(code).toBe(2)
      expect(stderr.trim().split('\n')).toHaveLength(1)
      expect(stderr).toMatch(reason)
      expect(await contentsOf(service)).toEqual(before)
    })

    it('a folder that is not an anatomy service', async () => {
      const folder = await temporaryFolder()

      const { code, stderr } = await runAnatomy([
        'add',
        'resource',
        'pet',
        '--fields',
        'name:string',
        '--service',
        folder,
      ])

      expect(code).toBe(2)
      expect(stderr).toMatch(/is not an anatomy service/)
      expect(await contentsOf(folder)).toEqual(new Map())
    })
  })
})
