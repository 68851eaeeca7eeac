import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { appUnderTest } from '../support/http.js'
import { startIdentityProvider } from '../support/identity-provider.js'

/** An owner as a client sends it, every field set. */
const newOwner = {
  name: 'Alpha',
  email: 'Alpha',
}

const unknownId = '00000000-0000-4000-8000-000000000000'

describe('/owners over HTTP', () => {
  const app = appUnderTest('pglite')
  beforeEach(() => app.database.truncateAll())

  const add = () => app.http.post('/owners').send(newOwner).expect(201)

  it('adds an owner: 201, its address in Location, the owner in the body', async () => {
    const response = await add()

    expect(response.body).toEqual({
      ...newOwner,
      id: expect.any(String),
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    })
    expect(response.headers.location).toBe(`/owners/${response.body.id}`)
  })

  it('gets an owner at its address', async () => {
    const { body: added, headers } = await add()

    const response = await app.http.get(headers.location ?? '').expect(200)

    expect(response.body).toEqual(added)
  })

  it('answers 404 problem+json for an owner that does not exist', async () => {
    const response = await app.http.get(`/owners/${unknownId}`).expect(404)

    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(response.body).toMatchObject({
      status: 404,
      code: 'OWNER.NOT_FOUND',
      detail: expect.stringContaining(unknownId),
    })
  })

  it('answers 400 for an id that is not a uuid', async () => {
    const response = await app.http.get('/owners/42').expect(400)

    expect(response.body.errors).toEqual([
      { in: 'params', field: 'id', message: expect.stringContaining('uuid') },
    ])
  })

  it('answers 400 naming each missing or unexpected field', async () => {
    const { name: _left, ...incomplete } = newOwner

    const response = await app.http
      .post('/owners')
      .send({ ...incomplete, unexpected: 1 })
      .expect(400)

    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { in: 'body', field: 'name', message: 'is required' },
        { in: 'body', field: 'unexpected', message: 'is not allowed' },
      ]),
    )
  })

  it('answers 422 when an owner breaks a rule', async () => {
    const response = await app.http
      .post('/owners')
      .send({ ...newOwner, name: '   ' })
      .expect(422)

    expect(response.body).toMatchObject({ code: 'OWNER.INVALID', detail: 'name must not be blank' })
  })

  it('changes only the fields sent', async () => {
    const { body: added } = await add()

    const response = await app.http.patch(`/owners/${added.id}`).send({ name: 'Beta' }).expect(200)

    expect(response.body).toEqual({ ...added, name: 'Beta', updatedAt: expect.any(String) })
  })

  it('refuses an empty change with 400', async () => {
    const { body: added } = await add()

    await app.http.patch(`/owners/${added.id}`).send({}).expect(400)
  })

  it('deletes an owner: 204, then 404', async () => {
    const { body: added } = await add()

    await app.http.delete(`/owners/${added.id}`).expect(204)
    await app.http.get(`/owners/${added.id}`).expect(404)
    await app.http.delete(`/owners/${added.id}`).expect(404)
  })

  it('lists owners a page at a time, following nextCursor', async () => {
    const ids = []
    for (let i = 0; i < 3; i++) ids.push((await add()).body.id)

    const first = await app.http.get('/owners?limit=2').expect(200)
    const second = await app.http.get(`/owners?limit=2&cursor=${first.body.nextCursor}`).expect(200)

    expect([...first.body.items, ...second.body.items].map((item: { id: string }) => item.id)).toEqual(ids)
    expect(second.body.nextCursor).toBeNull()
  })

  it.each(['1.5', '1e400', '0x10', '1e1', ' 5', ''])(
    'refuses limit=%s: an integer is written as one',
    async (limit) => {
      const response = await app.http.get(`/owners?limit=${encodeURIComponent(limit)}`).expect(400)

      expect(response.body.errors).toEqual([expect.objectContaining({ in: 'querystring', field: 'limit' })])
    },
  )

  it('refuses a page size over 100 and an unknown filter with 400', async () => {
    await app.http.get('/owners?limit=101').expect(400)
    const response = await app.http.get('/owners?no_such_field=1').expect(400)

    expect(response.body.errors).toEqual([
      { in: 'querystring', field: 'no_such_field', message: 'is not allowed' },
    ])
  })
  it('orders the list as sort says, newest first for -createdAt', async () => {
    const older = (await add()).body
    const newer = (await add()).body

    const response = await app.http.get('/owners?sort=-createdAt,name').expect(200)

    expect(response.body.items.map((item: { id: string }) => item.id)).toEqual([newer.id, older.id])
  })

  it('refuses to sort by what is not a sort field, with 400 naming sort', async () => {
    const response = await app.http.get('/owners?sort=id,-nothing').expect(400)

    expect(response.body.errors).toEqual([expect.objectContaining({ in: 'querystring', field: 'sort' })])
  })

  it('answers a cursor it never gave with 422 naming cursor', async () => {
    const response = await app.http.get('/owners?cursor=bm90IGEgY3Vyc29y').expect(422)

    expect(response.body).toMatchObject({ code: 'LIST.CURSOR_INVALID' })
  })

  it('filters the list on name', async () => {
    const { body: wanted } = await add()
    await app.http
      .post('/owners')
      .send({ ...newOwner, name: 'Beta' })
      .expect(201)

    const response = await app.http.get('/owners').query({ name: newOwner.name }).expect(200)

    expect(response.body.items).toEqual([wanted])
  })
})

describe('/owners with an identity provider', () => {
  let provider: Awaited<ReturnType<typeof startIdentityProvider>>
  const app = appUnderTest('pglite', async () => {
    provider = await startIdentityProvider('owners-test')
    return provider.settings
  })
  afterAll(() => provider?.stop())

  it('asks for a token, refuses one without the scope, and answers one with it', async () => {
    await app.http.get('/owners').expect(401)
    await app.http
      .get('/owners')
      .set('authorization', `Bearer ${await provider.token('owners:write')}`)
      .expect(403)
    await app.http
      .get('/owners')
      .set('authorization', `Bearer ${await provider.token('owners:read')}`)
      .expect(200)
    const forged = `${(await provider.token('owners:read')).slice(0, -4)}AAAA`
    await app.http.get('/owners').set('authorization', `Bearer ${forged}`).expect(401)
  })
})
