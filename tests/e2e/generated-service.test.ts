import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { temporaryFolder } from '../support/files.js'
import { postgresUrl, privateSchemaUrl } from '../support/postgres.js'
import { run, runAnatomy } from '../support/run.js'
import { startProcess, waitForStatus } from '../support/service-process.js'

const databaseUrl = postgresUrl()
const minutes = (n: number) => n * 60_000

/**
 * The promise anatomy makes: one command gives a service that installs, typechecks, lints,
 * passes its own tests and serves, on the embedded database and on PostgreSQL.
 */
describe('a service fresh from anatomy new', () => {
  let service: string
  const npm = (...args: string[]) => run('npm', args, { cwd: service, env: { DATABASE_URL: databaseUrl } })

  beforeAll(async () => {
    const parent = await temporaryFolder()
    service = join(parent, 'shop')
    const created = await runAnatomy(['new', 'shop', '--dir', parent, '--yes'])
    expect(created.code, created.stderr).toBe(0)
  }, minutes(5))

  it('typechecks', async () => {
    const { code, stdout } = await npm('run', 'typecheck')
    expect(code, stdout).toBe(0)
  })

  it('lints clean', async () => {
    const { code, stdout, stderr } = await npm('run', 'lint')
    expect(code, stdout + stderr).toBe(0)
  })

  it('passes its own tests', { timeout: minutes(3) }, async () => {
    const { code, stdout, stderr } = await npm('test')
    expect(code, stdout + stderr).toBe(0)
    expect(stdout).toMatch(/Tests\s+\d+ passed/)
  })

  it('is ready on the embedded database after npm start', { timeout: minutes(2) }, async () => {
    const started = await startProcess('npm', ['start'], service, { DATABASE_URL: '' })
    try {
      expect(await waitForStatus(`${started.baseUrl}/health/ready`, 200, minutes(1)), started.output()).toBe(
        true,
      )
    } finally {
      await started.stop()
    }
  })

  it.runIf(databaseUrl)(
    'is ready on PostgreSQL after npm start with DATABASE_URL',
    { timeout: minutes(2) },
    async () => {
      const url = await privateSchemaUrl(databaseUrl ?? '')
      const started = await startProcess('npm', ['start'], service, { DATABASE_URL: url })
      try {
        expect(
          await waitForStatus(`${started.baseUrl}/health/ready`, 200, minutes(1)),
          started.output(),
        ).toBe(true)
      } finally {
        await started.stop()
      }
    },
  )

  it('refuses to start on a bad PORT, with exit code 1 and a message naming it', {
    timeout: minutes(1),
  }, async () => {
    const started = await startProcess('npm', ['start'], service, { PORT: 'abc' })

    expect(await started.exited).toBe(1)
    expect(started.output()).toMatch(/invalid configuration: PORT: must be an integer/)
  })

  it('fails its own tests when a domain file imports fastify', { timeout: minutes(1) }, async () => {
    const domainFile = join(service, 'src/domain/errors.ts')
    const original = await readFile(domainFile, 'utf8')
    await writeFile(domainFile, `import 'fastify'\n${original}`)
    try {
      const { code, stdout, stderr } = await npm('test', '--', 'test/architecture')
      expect(code).not.toBe(0)
      expect(stdout + stderr).toMatch(/src\/domain\/errors\.ts -> .*fastify.* breaks domain-is-pure/)
    } finally {
      await writeFile(domainFile, original)
    }
  })

  describe('then, with an order resource added', () => {
    beforeAll(async () => {
      const added = await runAnatomy([
        'add',
        'resource',
        'order',
        '--fields',
        'item:string,quantity:integer,paid:boolean?',
        '--service',
        service,
        '--yes',
      ])
      expect(added.code, added.stderr).toBe(0)
    })

    it('still passes its own tests', { timeout: minutes(3) }, async () => {
      const { code, stdout, stderr } = await npm('test')
      expect(code, stdout + stderr).toBe(0)
      expect(stdout).toMatch(/orders\.resource\.test\.ts/)
    })

    it('documents the five order operations and answers an unknown order with 404 problem+json', {
      timeout: minutes(2),
    }, async () => {
      const started = await startProcess('npm', ['start'], service, { DATABASE_URL: '' })
      try {
        expect(
          await waitForStatus(`${started.baseUrl}/health/ready`, 200, minutes(1)),
          started.output(),
        ).toBe(true)
        const document = (await (await fetch(`${started.baseUrl}/docs/json`)).json()) as { paths: object }
        const operations = Object.values(
          document.paths as Record<string, Record<string, { operationId?: string }>>,
        )
          .flatMap((path) => Object.values(path).map((operation) => operation.operationId))
          .filter((id) => id?.toLowerCase().includes('order'))
        const missing = await fetch(`${started.baseUrl}/orders/0195d6c2-0000-7000-8000-000000000001`)

        expect(operations.sort()).toEqual([
          'addOrder',
          'deleteOrder',
          'getOrder',
          'listOrders',
          'updateOrder',
        ])
        expect(missing.status).toBe(404)
        expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/)
        expect(await missing.json()).toMatchObject({ status: 404, code: 'ORDER.NOT_FOUND' })
      } finally {
        await started.stop()
      }
    })
  })
})
