import { beforeEach, describe, expect, it } from 'vitest'
import { appUnderTest } from '../support/http.js'

/** A pet as a client sends it, every field set; what it refers to is stored by each test. */
const newPetFields = {
  name: 'Alpha',
  ownerId: '0195d6c2-0000-7000-8000-00000000000a',
  description: 'A longer text.',
  species: 'dog',
}

const unknownId = '00000000-0000-4000-8000-000000000000'

describe('/pets over HTTP', () => {
  const app = appUnderTest('pglite')
  let newPet: typeof newPetFields
  beforeEach(async () => {
    await app.database.truncateAll()
    newPet = {
      ...newPetFields,
      ownerId: (await app.http.post('/owners').send({ name: 'Alpha' }).expect(201)).body.id,
    }
  })

  const add = (changes: Partial<typeof newPet> = {}) =>
    app.http
      .post('/pets')
      .send({ ...newPet, ...changes })
      .expect(201)

  it('adds a pet: 201, its address in Location, the pet in the body', async () => {
    const response = await add()

    expect(response.body).toEqual({
      ...newPet,
      id: expect.any(String),
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    })
    expect(response.headers.location).toBe(`/pets/${response.body.id}`)
  })

  it('gets a pet at its address', async () => {
    const { body: added, headers } = await add()

    const response = await app.http.get(headers.location ?? '').expect(200)

    expect(response.body).toEqual(added)
  })

  it('answers 404 problem+json for a pet that does not exist', async () => {
    const response = await app.http.get(`/pets/${unknownId}`).expect(404)

    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(response.body).toMatchObject({
      status: 404,
      code: 'PET.NOT_FOUND',
      detail: expect.stringContaining(unknownId),
    })
  })

  it('answers 400 for an id that is not a uuid', async () => {
    const response = await app.http.get('/pets/42').expect(400)

    expect(response.body.errors).toEqual([
      { in: 'params', field: 'id', message: expect.stringContaining('uuid') },
    ])
  })

  it('answers 400 naming each missing or unexpected field', async () => {
    const { name: _left, ...incomplete } = newPet

    const response = await app.http
      .post('/pets')
      .send({ ...incomplete, unexpected: 1 })
      .expect(400)

    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { in: 'body', field: 'name', message: 'is required' },
        { in: 'body', field: 'unexpected', message: 'is not allowed' },
      ]),
    )
  })

  it('answers 422 when a pet breaks a rule', async () => {
    const response = await app.http
      .post('/pets')
      .send({ ...newPet, name: '   ' })
      .expect(422)

    expect(response.body).toMatchObject({ code: 'PET.INVALID', detail: 'name must not be blank' })
  })

  it('changes only the fields sent', async () => {
    const { body: added } = await add()

    const response = await app.http.patch(`/pets/${added.id}`).send({ name: 'Beta' }).expect(200)

    expect(response.body).toEqual({ ...added, name: 'Beta', updatedAt: expect.any(String) })
  })

  it('refuses an empty change with 400', async () => {
    const { body: added } = await add()

    await app.http.patch(`/pets/${added.id}`).send({}).expect(400)
  })

  it('deletes a pet: 204, then 404', async () => {
    const { body: added } = await add()

    await app.http.delete(`/pets/${added.id}`).expect(204)
    await app.http.get(`/pets/${added.id}`).expect(404)
    await app.http.delete(`/pets/${added.id}`).expect(404)
  })

  it('lists pets a page at a time, following nextCursor', async () => {
    const ids = []
    for (let i = 0; i < 3; i++) ids.push((await add({ name: `Pet ${i}` })).body.id)

    const first = await app.http.get('/pets?limit=2').expect(200)
    const second = await app.http.get(`/pets?limit=2&cursor=${first.body.nextCursor}`).expect(200)

    expect([...first.body.items, ...second.body.items].map((item: { id: string }) => item.id)).toEqual(ids)
    expect(second.body.nextCursor).toBeNull()
  })

  it.each(['1.5', '1e400', '0x10', '1e1', ' 5', ''])(
    'refuses limit=%s: an integer is written as one',
    async (limit) => {
      const response = await app.http.get(`/pets?limit=${encodeURIComponent(limit)}`).expect(400)

      expect(response.body.errors).toEqual([expect.objectContaining({ in: 'querystring', field: 'limit' })])
    },
  )

  it('refuses a page size over 100 and an unknown filter with 400', async () => {
    await app.http.get('/pets?limit=101').expect(400)
    const response = await app.http.get('/pets?no_such_field=1').expect(400)

    expect(response.body.errors).toEqual([
      { in: 'querystring', field: 'no_such_field', message: 'is not allowed' },
    ])
  })
  it('orders the list as sort says, newest first for -createdAt', async () => {
    const older = (await add({ name: 'Older' })).body
    const newer = (await add({ name: 'Newer' })).body

    const response = await app.http.get('/pets?sort=-createdAt,name').expect(200)

    expect(response.body.items.map((item: { id: string }) => item.id)).toEqual([newer.id, older.id])
  })

  it('refuses to sort by what is not a sort field, with 400 naming sort', async () => {
    const response = await app.http.get('/pets?sort=id,-nothing').expect(400)

    expect(response.body.errors).toEqual([expect.objectContaining({ in: 'querystring', field: 'sort' })])
  })

  it('answers a cursor it never gave with 422 naming cursor', async () => {
    const response = await app.http.get('/pets?cursor=bm90IGEgY3Vyc29y').expect(422)

    expect(response.body).toMatchObject({ code: 'LIST.CURSOR_INVALID' })
  })

  it('filters the list on species being one of several', async () => {
    const { body: wanted } = await add()
    await app.http
      .post('/pets')
      .send({ ...newPet, name: 'Beta', species: 'cat' })
      .expect(201)

    const response = await app.http.get('/pets').query({ 'species.in': newPet.species }).expect(200)
    const refused = await app.http.get('/pets').query({ 'species.in': 'none-of-those' }).expect(400)

    expect(response.body.items).toEqual([wanted])
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'species.in' })])
  })

  it('filters the list on name', async () => {
    const { body: wanted } = await add()
    await app.http
      .post('/pets')
      .send({ ...newPet, name: 'Beta' })
      .expect(201)

    const response = await app.http.get('/pets').query({ name: newPet.name }).expect(200)

    expect(response.body.items).toEqual([wanted])
  })

  it('answers 422 naming ownerId for a pet whose owner does not exist', async () => {
    const response = await app.http
      .post('/pets')
      .send({ ...newPet, ownerId: unknownId })
      .expect(422)

    expect(response.body).toMatchObject({ code: 'PET.INVALID', errors: [{ field: 'ownerId' }] })
  })

  it('lists the pets of an owner at /owners/:id/pets, 404 for one that does not exist', async () => {
    const { body: added } = await add()

    const response = await app.http.get(`/owners/${added.ownerId}/pets`).expect(200)
    const missing = await app.http.get(`/owners/${unknownId}/pets`).expect(404)

    expect(response.body.items).toEqual([added])
    expect(missing.body).toMatchObject({ code: 'OWNER.NOT_FOUND' })
  })

  it('answers 409 to deleting an owner that pets refer to as owner', async () => {
    const { body: added } = await add()

    const ownerId = added.ownerId
    const response = await app.http.delete(`/owners/${ownerId}`).expect(409)

    expect(response.body).toMatchObject({ code: 'OWNER.CONFLICT' })
  })

  const anOwner = async (name: string): Promise<string> =>
    (await app.http.post('/owners').send({ name }).expect(201)).body.id

  it('answers 409 for a second pet of the same name for one owner', async () => {
    await add()

    const response = await app.http.post('/pets').send(newPet).expect(409)

    expect(response.body).toMatchObject({
      code: 'PET.NAME_TAKEN',
      detail: `owner ${newPet.ownerId} already has a pet named ${newPet.name}`,
    })
  })

  it('does not change the owner through PATCH: adoption does that', async () => {
    const { body: rex } = await add()

    const response = await app.http
      .patch(`/pets/${rex.id}`)
      .send({ ownerId: await anOwner('Bob') })
      .expect(400)

    expect(response.body.errors).toEqual([{ in: 'body', field: 'ownerId', message: 'is not allowed' }])
  })

  describe('adoption', () => {
    const adopt = (id: string, ownerId: unknown) => app.http.post(`/pets/${id}/adoption`).send({ ownerId })

    it('gives the pet to its new owner: 200 and the pet as it is now', async () => {
      const { body: rex } = await add()
      const bob = await anOwner('Bob')

      const response = await adopt(rex.id, bob).expect(200)

      expect(response.body).toEqual({ ...rex, ownerId: bob, updatedAt: expect.any(String) })
      expect((await app.http.get(`/pets/${rex.id}`)).body.ownerId).toBe(bob)
      expect((await app.http.get(`/owners/${newPet.ownerId}/pets`)).body.items).toEqual([])
      expect((await app.http.get(`/owners/${bob}/pets`)).body.items).toEqual([response.body])
    })

    it('answers 422 when the pet already belongs to that owner', async () => {
      const { body: rex } = await add()

      const response = await adopt(rex.id, newPet.ownerId).expect(422)

      expect(response.body).toMatchObject({
        code: 'PET.ALREADY_OWNED',
        detail: `${rex.name} already belongs to owner ${newPet.ownerId}`,
      })
    })

    it('answers 422 naming ownerId when the new owner does not exist', async () => {
      const { body: rex } = await add()

      const response = await adopt(rex.id, unknownId).expect(422)

      expect(response.body).toMatchObject({ code: 'PET.INVALID', errors: [{ field: 'ownerId' }] })
    })

    it('answers 409 when the new owner already has a pet of that name', async () => {
      const { body: rex } = await add()
      const bob = await anOwner('Bob')
      await add({ ownerId: bob, species: 'cat' })

      const response = await adopt(rex.id, bob).expect(409)

      expect(response.body.code).toBe('PET.NAME_TAKEN')
    })

    it('answers 404 for a pet that does not exist', async () => {
      const response = await adopt(unknownId, await anOwner('Bob')).expect(404)

      expect(response.body.code).toBe('PET.NOT_FOUND')
    })

    it('answers 400 naming ownerId when it is missing or not a uuid', async () => {
      const { body: rex } = await add()

      const missing = await app.http.post(`/pets/${rex.id}/adoption`).send({}).expect(400)
      const wrongType = await adopt(rex.id, 42).expect(400)

      expect(missing.body.errors).toEqual([{ in: 'body', field: 'ownerId', message: 'is required' }])
      expect(wrongType.body.errors).toEqual([{ in: 'body', field: 'ownerId', message: expect.any(String) }])
    })

    it('is documented with the other pet operations', async () => {
      const { body } = await app.http.get('/docs/json').expect(200)

      expect(body.paths['/pets/{id}/adoption'].post.operationId).toBe('adoptPet')
    })
  })
})
