import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { anatomyBin, run, runAnatomy, runInTerminal } from '../support/run.js'
import { contentsOf, generatedService } from '../support/service-folder.js'

describe('anatomy add consumer', () => {
  let service: string
  const anatomy = (...args: string[]) => runAnatomy([...args, '--service', service])

  beforeAll(async () => {
    service = await generatedService()
    for (const [name, fields] of [
      ['person', 'name:string'],
      ['visit', 'at:datetime,notes:text?,guest:ref(person)'],
    ] as const) {
      const added = await anatomy('add', 'resource', name, '--fields', fields, '--yes')
      expect(added.code, added.stderr).toBe(0)
    }
    for (const [name, useCase] of [
      ['visit-bookings', 'visits.addVisit'],
      ['visit-moves', 'visits.updateVisit'],
      ['visit-cancellations', 'visits.deleteVisit'],
    ] as const) {
      const added = await anatomy('add', 'consumer', name, '--use-case', useCase, '--yes')
      expect(added.code, added.stderr).toBe(0)
      expect(added.stdout).toContain(`<AMQP_QUEUE_PREFIX>.${name}`)
    }
  }, 120_000)

  it('writes a handler per queue that checks messages against the use case’s schema and applies each once', async () => {
    const bookings = await readFile(join(service, 'src/messages/visit-bookings.consumer.ts'), 'utf8')
    const moves = await readFile(join(service, 'src/messages/visit-moves.consumer.ts'), 'utf8')

    expect(bookings).toContain('schema: NewVisitSchema')
    expect(bookings).toContain('.visit-bookings`')
    expect(bookings).toMatch(
      /applyOnce\(transactions, messageKey, \(\{ visits \}\) =>\s+visits\.addVisit\(\{ \.\.\.message, at: /,
    )
    expect(moves).toContain('changes: VisitChangesSchema')
    expect(moves).toMatch(/visits\.updateVisit\(id, \{ \.\.\.changes, at: /)
  })

  it('wires each into messaging.consumers, on a transaction of the use cases and the inbox, and records it', async () => {
    const app = await readFile(join(service, 'src/app.ts'), 'utf8')
    const record = JSON.parse(await readFile(join(service, '.anatomy.json'), 'utf8'))

    expect(app).toMatch(
      /consumers: \[\s+visitBookingsConsumer\(\s+createTransactions\(database\.db, \(transaction\) => \(\{\s+inbox: createInbox\(transaction\),\s+visits: createVisitsService\(createVisitsGateway\(transaction\), createPeopleGateway\(transaction\)\),/,
    )
    expect(app.indexOf('visitBookingsConsumer(')).toBeLessThan(app.indexOf('visitMovesConsumer('))
    expect(record.consumers).toEqual([
      { name: 'visit-bookings', useCase: 'visits.addVisit' },
      { name: 'visit-moves', useCase: 'visits.updateVisit' },
      { name: 'visit-cancellations', useCase: 'visits.deleteVisit' },
    ])
  })

  it('leaves a service that compiles, lints and passes its tests, the consumers’ on the broker when there is one', {
    timeout: 180_000,
  }, async () => {
    const compiled = await run('npx', ['tsc', '--noEmit'], { cwd: service })
    const linted = await run('npx', ['biome', 'check', '.'], { cwd: service })
    const tested = await run('npx', ['vitest', 'run', 'test/messages', 'test/architecture'], { cwd: service })

    expect(compiled.code, compiled.stdout).toBe(0)
    expect(linted.code, linted.stdout + linted.stderr).toBe(0)
    expect(tested.code, tested.stdout + tested.stderr).toBe(0)
    if (process.env.AMQP_URL) expect(tested.stdout).toMatch(/visit-moves\.consumer\.test\.ts \(2 tests\)/)
  })

  it('refuses, writing nothing, what it cannot do', async () => {
    const before = await contentsOf(service)
    const refusals: [args: string[], message: RegExp][] = [
      [['visit_bookings!', '--use-case', 'visits.addVisit'], /invalid consumer name/],
      [['errors', '--use-case', 'visits.addVisit'], /reserved word/],
      [['arrivals'], /missing --use-case/],
      [['arrivals', '--use-case', 'cats.addCat'], /resource the service has.*\(resources: people, visits\)/],
      [['arrivals', '--use-case', 'visits.getVisit'], /can ask for addVisit, updateVisit, deleteVisit/],
      [['visit-bookings', '--use-case', 'visits.addVisit'], /consumer "visit-bookings" already exists/],
    ]
    for (const [args, message] of refusals) {
      const refused = await anatomy('add', 'consumer', ...args, '--yes')
      expect(refused.code, args.join(' ')).toBe(2)
      expect(refused.stderr, args.join(' ')).toMatch(message)
    }
    expect(await contentsOf(service)).toEqual(before)
  })

  it('says what it would write on --dry-run, and writes nothing', async () => {
    const before = await contentsOf(service)
    const { code, stdout } = await anatomy(
      'add',
      'consumer',
      'arrivals',
      '--use-case',
      'people.addPerson',
      '--dry-run',
    )

    expect(code).toBe(0)
    expect(stdout).toContain('create  src/messages/arrivals.consumer.ts')
    expect(stdout).toContain('create  test/messages/arrivals.consumer.test.ts')
    expect(stdout).toContain('change  src/app.ts: adds arrivalsConsumer to messaging.consumers')
    expect(await contentsOf(service)).toEqual(before)
  })

  it('asks for the name and the use case when a terminal is attached and the flags did not say', async () => {
    const { code, stdout } = await runInTerminal(`node ${anatomyBin} add consumer --service ${service}`, [
      [/Queue name/, 'people-arrivals\r'],
      [/use case each message calls/, 'people.addPerson\r'],
    ])

    expect(code, stdout).toBe(0)
    const record = JSON.parse(await readFile(join(service, '.anatomy.json'), 'utf8'))
    expect(record.consumers.at(-1)).toEqual({ name: 'people-arrivals', useCase: 'people.addPerson' })
  })
})
