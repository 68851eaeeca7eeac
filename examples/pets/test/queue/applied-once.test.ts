import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createInbox } from '../../src/gateways/inbox.gateway.js'
import { createEventOutbox } from '../../src/gateways/outbox.gateway.js'
import { createTransactions } from '../../src/gateways/transactions.js'
import { applyOnce } from '../../src/queue/applied-once.js'
import { type Engine, openTestDatabase, type TestDatabase, testEngines } from '../support/test-database.js'

describe.each(testEngines())('a message applied once, on %s', (engine: Engine) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await openTestDatabase(engine)
  })
  afterAll(() => database.close())
  beforeEach(() => database.truncateAll())

  /** A use case with a transaction of its own, as one that records events has, built on `db`. */
  const useCaseOn = (db: TestDatabase['db']) => {
    const own = createTransactions(db, (transaction) => ({ events: createEventOutbox(transaction) }))
    return {
      record: (n: number) => own.run(({ events }) => events.record({ type: 'test.counted', data: { n } })),
    }
  }
  const handlerTransactions = () =>
    createTransactions(database.db, (transaction) => ({
      inbox: createInbox(transaction),
      useCase: useCaseOn(transaction),
    }))
  const recorded = async () =>
    (await database.db.selectFrom('outbox_events').select('data').orderBy('id').execute()).map(
      (row) => row.data,
    )

  it('applies the first delivery, and skips every later one of the same key', async () => {
    const transactions = handlerTransactions()
    for (const n of [1, 2, 3]) await applyOnce(transactions, 'q/m-1', ({ useCase }) => useCase.record(n))
    await applyOnce(transactions, 'q/m-2', ({ useCase }) => useCase.record(4))

    expect(await recorded()).toEqual([{ n: 1 }, { n: 4 }])
  })

  it('commits the use case’s own transaction with the claim, and rolls both back together', async () => {
    const transactions = handlerTransactions()
    const failing = applyOnce(transactions, 'q/m-3', async ({ useCase }) => {
      await useCase.record(5)
      throw new Error('the use case fails after recording')
    })

    await expect(failing).rejects.toThrow('the use case fails after recording')
    expect(await recorded()).toEqual([])
    await applyOnce(transactions, 'q/m-3', ({ useCase }) => useCase.record(6))
    expect(await recorded()).toEqual([{ n: 6 }])
  })
})
