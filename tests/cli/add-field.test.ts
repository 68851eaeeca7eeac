import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { regenerate } from '../../generator/src/regenerate.js'
import { temporaryFolder } from '../support/files.js'
import { postgresUrl } from '../support/postgres.js'
import { run, runAnatomy } from '../support/run.js'
import { contentsOf, generatedService } from '../support/service-folder.js'

describe('anatomy add field', () => {
  let service: string
  const anatomy = (...args: string[]) => runAnatomy([...args, '--service', service])

  beforeAll(async () => {
    service = await generatedService()
    const added = await anatomy(
      'add',
      'resource',
      'order',
      '--fields',
      'item:string,quantity:integer',
      '--yes',
    )
    expect(added.code, added.stderr).toBe(0)
    for (const spec of ['note:text?', 'size:enum(small|large)?', 'weight:number?']) {
      const field = await anatomy('add', 'field', 'order', spec)
      expect(field.code, field.stderr).toBe(0)
    }
  }, 120_000)

  it('adds each as a migration of its own, recorded in .anatomy.json', async () => {
    const record = JSON.parse(await readFile(join(service, '.anatomy.json'), 'utf8'))

    expect(record.resources[0].addedFields).toEqual([
      { field: 'note:text?', migration: expect.stringMatching(/^\d{14}_add_note_to_orders$/) },
      { field: 'size:enum(small|large)?', migration: expect.stringMatching(/^\d{14}_add_size_to_orders$/) },
      { field: 'weight:number?', migration: expect.stringMatching(/^\d{14}_add_weight_to_orders$/) },
    ])
    const migration = await readFile(
      join(service, `src/migrations/${record.resources[0].addedFields[1].migration}.ts`),
      'utf8',
    )
    expect(migration).toContain(".alterTable('orders')")
    expect(migration).toContain(".createIndex('orders_size_id')")
  })

  it('leaves a service that compiles, lints and passes the resource tests, which now send the fields', {
    timeout: 180_000,
  }, async () => {
    const compiled = await run('npx', ['tsc', '--noEmit'], { cwd: service })
    const linted = await run('npx', ['biome', 'check', '.'], { cwd: service })
    const tested = await run(
      'npx',
      ['vitest', 'run', 'test/resources/orders', 'test/gateways/orders', 'test/fakes/orders'],
      {
        cwd: service,
        env: { DATABASE_URL: postgresUrl() },
      },
    )

    expect(compiled.code, compiled.stdout).toBe(0)
    expect(linted.code, linted.stdout + linted.stderr).toBe(0)
    expect(tested.code, tested.stdout + tested.stderr).toBe(0)
    expect(await readFile(join(service, 'test/resources/orders.resource.test.ts'), 'utf8')).toContain(
      "size: 'small'",
    )
  })

  it('is made again, byte for byte, from what .anatomy.json recorded', async () => {
    const again = await regenerate(service, await temporaryFolder())
    const files = [
      'src/domain/orders/order.ts',
      'src/resources/orders.schemas.ts',
      'src/gateways/orders.gateway.ts',
      'src/migrations/index.ts',
    ]

    for (const file of files) {
      expect(await readFile(join(again, file), 'utf8'), file).toBe(
        await readFile(join(service, file), 'utf8'),
      )
    }
  })

  it('prints what it would change on --dry-run, and writes nothing', async () => {
    const before = await contentsOf(service)

    const { code, stdout } = await anatomy('add', 'field', 'order', 'gift:boolean?', '--dry-run')

    expect(code).toBe(0)
    expect(stdout).toMatch(/^create {2}src\/migrations\/\d{14}_add_gift_to_orders\.ts$/m)
    expect(stdout).toMatch(/^change {2}src\/gateways\/orders\.gateway\.ts: /m)
    expect(await contentsOf(service)).toEqual(before)
  })

  describe('refuses, with exit code 2 and nothing written', () => {
    it.each([
      [['order', 'colour:string'], /must be optional/],
      [['invoice', 'note:text?'], /no resource "invoice"/],
      [['order', 'note:text?'], /already has a field "note"/],
      [['order', 'buyer:ref(order)?'], /reference is added with its resource/],
      [['order', 'a:string?,b:string?'], /give one field/],
    ])('%j', async (args, reason) => {
      const before = await contentsOf(service)

      const { code, stderr } = await anatomy('add', 'field', ...args)

      expect(code).toBe(2)
      expect(stderr).toMatch(reason)
      expect(await contentsOf(service)).toEqual(before)
    })

    it('an entity changed by hand so far that the field has no place, saying what it would add', async () => {
      const entity = join(service, 'src/domain/orders/order.ts')
      const original = await readFile(entity, 'utf8')
      await writeFile(
        entity,
        original.replace('export interface OrderDraft', 'export type OrderDraft = Draft;\ninterface Old'),
      )
      const before = await contentsOf(service)
      try {
        const { code, stderr } = await anatomy('add', 'field', 'order', 'gift:boolean?')

        expect(code).toBe(2)
        expect(stderr).toMatch(/cannot change src\/domain\/orders\/order\.ts: it has no interface OrderDraft/)
        expect(stderr).toContain('readonly gift?: boolean | null')
        expect(await contentsOf(service)).toEqual(before)
      } finally {
        await writeFile(entity, original)
      }
    })
  })
})
