import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createInbox } from '../../src/gateways/inbox.gateway.js'
import { pruneMessages } from '../../src/gateways/message-retention.js'
import { createEventOutbox } from '../../src/gateways/outbox.gateway.js'
import { createTransactions } from '../../src/gateways/transactions.js'
import { type Engine, openTestDatabase, type TestDatabase, testEngines } from '../support/test-database.js'

describe.each(testEngines())('the outbox and the inbox on %s', (engine: Engine) => {
  let database: TestDatabase
  const scopeOf = (db: TestDatabase['db']) => ({ events: createEventOutbox(db), inbox: createInbox(db) })

  beforeAll(async () => {
    database = await openTestDatabase(engine)
  })
  afterAll(() => database.close())
  beforeEach(() => database.truncateAll())

  const recorded = () => database.db.selectFrom('outbox_events').selectAll().orderBy('id').execute()

  it('keeps the events of a transaction that commits, in the order recorded', async () => {
    const transactions = createTransactions(database.db, scopeOf)
    await transactions.run(async ({ events }) => {
      await events.record({ type: 'pet.adopted', data: { petId: 'p1' } })
      await events.record({ type: 'pet.renamed', data: { petId: 'p1', name: 'Rex' } })
    })

    const rows = await recorded()
    expect(rows.map(({ type, data, published_at }) => ({ type, data, published_at }))).toEqual([
      { type: 'pet.adopted', data: { petId: 'p1' }, published_at: null },
      { type: 'pet.renamed', data: { petId: 'p1', name: 'Rex' }, published_at: null },
    ])
  })

  it('keeps nothing of a transaction that fails: no event, no claimed message', async () => {
    const transactions = createTransactions(database.db, scopeOf)
    const failing = transactions.run(async ({ events, inbox }) => {
      await inbox.claim('q/m-1')
      await events.record({ type: 'pet.adopted', data: { petId: 'p1' } })
      throw new Error('the change breaks a rule')
    })

    await expect(failing).rejects.toThrow('the change breaks a rule')
    expect(await recorded()).toEqual([])
    expect(await transactions.run(({ inbox }) => inbox.claim('q/m-1'))).toBe(true)
  })

  it('claims a message key once: a second claim, after the first committed, finds it taken', async () => {
    const transactions = createTransactions(database.db, scopeOf)
    expect(await transactions.run(({ inbox }) => inbox.claim('q/m-2'))).toBe(true)
    expect(await transactions.run(({ inbox }) => inbox.claim('q/m-2'))).toBe(false)
    expect(await transactions.run(({ inbox }) => inbox.claim('other-queue/m-2'))).toBe(true)
  })

  it('prunes what was published or applied longer ago than it keeps, and never an unpublished event', async () => {
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000)
    await database.db
      .insertInto('outbox_events')
      .values([
        {
          id: '00000000-0000-7000-8000-000000000001',
          type: 'old.published',
          data: {},
          published_at: daysAgo(10),
        },
        {
          id: '00000000-0000-7000-8000-000000000002',
          type: 'old.unpublished',
          data: {},
          published_at: null,
          recorded_at: daysAgo(10),
        },
        {
          id: '00000000-0000-7000-8000-000000000003',
          type: 'recent.published',
          data: {},
          published_at: daysAgo(1),
        },
      ])
      .execute()
    await database.db
      .insertInto('inbox_messages')
      .values([
        { message_key: 'q/old', applied_at: daysAgo(10) },
        { message_key: 'q/recent', applied_at: daysAgo(1) },
      ])
      .execute()

    expect(await pruneMessages(database.db, { keepHours: 7 * 24 })).toEqual({ events: 1, keys: 1 })
    expect((await recorded()).map((row) => row.type)).toEqual(['old.unpublished', 'recent.published'])
    expect(await database.db.selectFrom('inbox_messages').select('message_key').execute()).toEqual([
      { message_key: 'q/recent' },
    ])
  })
})
