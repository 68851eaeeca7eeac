import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { temporaryFolder } from '../support/files.js'
import { runAnatomy } from '../support/run.js'
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

    expect(app).toContain(
      'await server.register(ordersResource(createOrdersService(createOrdersGateway(database.db))))',
    )
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
