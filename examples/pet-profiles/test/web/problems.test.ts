import type { AddressInfo } from 'node:net'
import { Type } from '@fastify/type-provider-typebox'
import supertest from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ConflictError,
  DependencyUnavailableError,
  MalformedInputError,
  NotFoundError,
  RuleViolationError,
} from '../../src/domain/errors.js'
import { type ProblemExtension, problemResponses } from '../../src/resources/problem.schema.js'
import { createServer, type Server } from '../../src/web/server.js'
import { serverOptions } from '../support/http.js'

class WidgetNotFound extends NotFoundError {
  readonly code = 'WIDGET.NOT_FOUND'
}
class WidgetNameTaken extends ConflictError {
  readonly code = 'WIDGET.NAME_TAKEN'
}
class WidgetTooHeavy extends RuleViolationError {
  readonly code = 'WIDGET.TOO_HEAVY'
}
class WidgetUnreadable extends MalformedInputError {
  readonly code = 'WIDGET.UNREADABLE'
}

const Widget = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    weight: Type.Integer({ minimum: 0 }),
    parts: Type.Optional(Type.Array(Type.Object({ id: Type.String({ format: 'uuid' }) }))),
  },
  { additionalProperties: false },
)

describe('errors as application/problem+json', () => {
  let server: Server
  let http: ReturnType<typeof supertest.agent>

  beforeAll(async () => {
    server = await createServer(serverOptions({ BODY_LIMIT_BYTES: '1024' }))
    server.post('/widgets', { schema: { body: Widget } }, async (request) => request.body)
    server.get('/widgets/:id', async () => ({}))
    server.get('/widgets/missing', async () => {
      throw new WidgetNotFound('widget 7 does not exist')
    })
    server.get('/widgets/taken', async () => {
      throw new WidgetNameTaken('a widget named bolt exists')
    })
    server.get('/widgets/heavy', async () => {
      throw new WidgetTooHeavy('a widget weighs at most 10 kg')
    })
    server.get('/widgets/unnamed', async () => {
      throw new WidgetTooHeavy('weight is over 10 kg', { field: 'weight' })
    })
    server.get('/widgets/unreadable', async () => {
      throw new WidgetUnreadable('widget 3: the weight is not a number')
    })
    server.get('/widgets/unavailable', async () => {
      throw new DependencyUnavailableError('the widget store')
    })
    server.get('/widgets/overloaded', async () => {
      throw new DependencyUnavailableError('the widget store', 30)
    })
    server.get('/widgets/broken', async () => {
      throw new Error('select * from secrets failed at line 3')
    })
    await server.listen({ host: '127.0.0.1', port: 0 })
    http = supertest.agent(`http://127.0.0.1:${(server.server.address() as AddressInfo).port}`)
  })
  afterAll(() => server?.close())

  it.each([
    ['/widgets/missing', 404, 'WIDGET.NOT_FOUND', 'widget 7 does not exist'],
    ['/widgets/taken', 409, 'WIDGET.NAME_TAKEN', 'a widget named bolt exists'],
    ['/widgets/heavy', 422, 'WIDGET.TOO_HEAVY', 'a widget weighs at most 10 kg'],
    ['/widgets/unreadable', 400, 'WIDGET.UNREADABLE', 'widget 3: the weight is not a number'],
    ['/widgets/unavailable', 503, 'DEPENDENCY.UNAVAILABLE', 'the widget store is unavailable'],
  ])('maps the domain error behind %s to %i', async (path, status, code, detail) => {
    const response = await http
      .get(path)
      .expect(status)
      .expect('content-type', /application\/problem\+json/)

    expect(response.body).toEqual({
      type: 'about:blank',
      title: expect.any(String),
      status,
      code,
      detail,
      instance: path,
      requestId: response.headers['x-request-id'],
    })
  })

  it('asks the client to retry a 503 after a short pause', async () => {
    const response = await http.get('/widgets/unavailable').expect(503)

    expect(response.headers['retry-after']).toBe('2')
  })

  it('passes on the pause a dependency asked for', async () => {
    const response = await http.get('/widgets/overloaded').expect(503)

    expect(response.headers['retry-after']).toBe('30')
  })

  it('names the field a domain error is about, as validation errors do', async () => {
    const response = await http.get('/widgets/unnamed').expect(422)

    expect(response.body).toMatchObject({
      code: 'WIDGET.TOO_HEAVY',
      errors: [{ in: 'body', field: 'weight', message: 'weight is over 10 kg' }],
    })
  })

  it('names each missing, mistyped and unexpected field of an invalid body', async () => {
    const response = await http
      .post('/widgets')
      .send({ weight: 'heavy', colour: 'red', parts: [{ id: 'not-a-uuid' }] })
      .expect(400)
      .expect('content-type', /application\/problem\+json/)

    expect(response.body.code).toBe('REQUEST.INVALID')
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { in: 'body', field: 'name', message: 'is required' },
        { in: 'body', field: 'colour', message: 'is not allowed' },
        { in: 'body', field: 'weight', message: expect.stringContaining('integer') },
        { in: 'body', field: 'parts.0.id', message: expect.stringContaining('uuid') },
      ]),
    )
    expect(response.body.detail).toContain('body.name is required')
  })

  it('answers malformed JSON with 400', async () => {
    const response = await http
      .post('/widgets')
      .set('content-type', 'application/json')
      .send('{"name": ')
      .expect(400)

    expect(response.body).toMatchObject({ status: 400, code: 'REQUEST.INVALID' })
  })

  it('answers a body over the limit with 413', async () => {
    const response = await http
      .post('/widgets')
      .send({ name: 'x'.repeat(2048), weight: 1 })
      .expect(413)

    expect(response.body).toMatchObject({ status: 413, code: 'REQUEST.TOO_LARGE' })
  })

  it('answers an unsupported media type with 415', async () => {
    const response = await http.post('/widgets').set('content-type', 'text/csv').send('a,b').expect(415)

    expect(response.body.code).toBe('REQUEST.UNSUPPORTED_MEDIA_TYPE')
  })

  it('hides what went wrong inside from the client', async () => {
    const response = await http.get('/widgets/broken').expect(500)

    expect(response.body).toMatchObject({ status: 500, code: 'INTERNAL' })
    expect(response.text).not.toMatch(/select|secrets|line 3|at /)
  })

  it('answers a path parameter over the length limit with 414 problem+json', async () => {
    const response = await http.get(`/widgets/${'x'.repeat(500)}`).expect(414)

    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(response.body).toMatchObject({ status: 414, code: 'REQUEST.URI_TOO_LONG' })
  })

  it('answers unknown routes with 404', async () => {
    const response = await http.get('/gadgets?x=1').expect(404)

    expect(response.body).toMatchObject({ code: 'ROUTE.NOT_FOUND', instance: '/gadgets' })
  })

  it('keeps a well-formed request id from the caller and makes one up otherwise', async () => {
    const kept = await http.get('/gadgets').set('x-request-id', 'abc-123')
    const replaced = await http.get('/gadgets').set('x-request-id', 'bad id with spaces')

    expect(kept.headers['x-request-id']).toBe('abc-123')
    expect(kept.body.requestId).toBe('abc-123')
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
  })
})

describe('problems with extension members of a service', () => {
  const detailAsError: ProblemExtension = {
    properties: { error: Type.String() },
    membersOf: (problem) => ({ error: problem.detail }),
  }
  let server: Server
  let http: ReturnType<typeof supertest.agent>

  beforeAll(async () => {
    server = await createServer({ ...serverOptions(), problemExtension: detailAsError })
    server.get('/widgets/missing', { schema: { response: problemResponses(404) } }, async () => {
      throw new WidgetNotFound('widget 7 does not exist')
    })
    await server.listen({ host: '127.0.0.1', port: 0 })
    http = supertest.agent(`http://127.0.0.1:${(server.server.address() as AddressInfo).port}`)
  })
  afterAll(() => server?.close())

  it('adds them to a domain error, through the documented response schema', async () => {
    const response = await http.get('/widgets/missing').expect(404)

    expect(response.body).toMatchObject({
      detail: 'widget 7 does not exist',
      error: 'widget 7 does not exist',
    })
  })

  it('adds them to what the framework refuses', async () => {
    const response = await http.get('/gadgets').expect(404)

    expect(response.body).toMatchObject({ code: 'ROUTE.NOT_FOUND', error: 'no route for GET /gadgets' })
  })
})
