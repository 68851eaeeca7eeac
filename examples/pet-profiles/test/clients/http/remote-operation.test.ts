import type { IncomingMessage } from 'node:http'
import { object, string } from 'valibot'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRemoteClient, type RemoteClient } from '../../../src/clients/http/remote-client.js'
import { remoteOperation } from '../../../src/clients/http/remote-operation.js'
import { RemoteUnavailable } from '../../../src/clients/http/remote-unavailable.js'
import { json, unreliableRemote } from '../../support/unreliable-remote.js'

interface FindPetData {
  path: { id: string }
  query?: { fields?: string; tag?: string[] }
  headers?: { 'X-Tenant'?: string }
  body?: never
  url: '/pets/{id}'
}
interface FindPetResponses {
  200: { id: string; name: string }
  404: { title: string }
  503: { title: string }
}
interface AddPetData {
  body: { name: string }
  path?: never
  query?: never
  url: '/pets'
}

const findPet = remoteOperation<FindPetData, FindPetResponses>({
  operation: 'findPet',
  method: 'GET',
  url: '/pets/{id}',
  statuses: [200, 404],
  checks: { 200: object({ id: string(), name: string() }) },
})
const addPet = remoteOperation<AddPetData, { 201: { id: string } }>({
  operation: 'addPet',
  method: 'POST',
  url: '/pets',
  statuses: [201],
})

/** What the remote saw of a request: its path with the query, and its body. */
async function seen(request: IncomingMessage) {
  let body = ''
  for await (const chunk of request) body += chunk
  return {
    url: request.url,
    ...(request.headers['x-tenant'] ? { tenant: request.headers['x-tenant'] } : {}),
    body: body === '' ? undefined : JSON.parse(body),
  }
}

describe("a remote's operation, typed from its document", () => {
  let remote: Awaited<ReturnType<typeof unreliableRemote>>
  let client: RemoteClient

  beforeAll(async () => {
    remote = await unreliableRemote({
      'GET /pets/a%2Fb': async (request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' })
        response.end(JSON.stringify({ id: 'a/b', name: JSON.stringify(await seen(request)) }))
      },
      'GET /pets/gone': json(404, { title: 'Not Found' }),
      'GET /pets/teapot': json(418, { title: "I'm a teapot" }),
      'GET /pets/misshapen': json(200, { id: 7 }),
      'POST /pets': async (request, response) => {
        response.writeHead(201, { 'content-type': 'application/json' })
        response.end(JSON.stringify({ id: JSON.stringify(await seen(request)) }))
      },
    })
    client = createRemoteClient('pets', {
      baseUrl: remote.url,
      connectTimeoutMs: 200,
      timeoutMs: 1_000,
      retries: 0,
      maxResponseBytes: 10_000,
      circuitFailures: 100,
      circuitHalfOpenAfterMs: 1_000,
    })
  })
  afterAll(async () => {
    await client?.close()
    await remote?.close()
  })

  it('fills the path, encoded, and sends the query exploded and the headers, as the document says', async () => {
    const answer = await findPet(client, {
      path: { id: 'a/b' },
      query: { fields: 'name', tag: ['x', 'y'] },
      headers: { 'X-Tenant': 'north' },
    })

    expect(answer.status).toBe(200)
    if (answer.status !== 200) return
    expect(JSON.parse(answer.body.name)).toEqual({
      url: '/pets/a%2Fb?fields=name&tag=x&tag=y',
      tenant: 'north',
    })
  })

  it('sends the body as JSON', async () => {
    const answer = await addPet(client, { body: { name: 'Rex' } })

    expect(JSON.parse(answer.body.id)).toEqual({ url: '/pets', body: { name: 'Rex' } })
  })

  it('gives a documented refusal to the gateway to read', async () => {
    await expect(findPet(client, { path: { id: 'gone' } })).resolves.toEqual({
      status: 404,
      body: { title: 'Not Found' },
    })
  })

  it('takes an answer the document does not list, or a body that breaks its schema, for a remote that is unavailable', async () => {
    const undocumented = findPet(client, { path: { id: 'teapot' } })
    const misshapen = findPet(client, { path: { id: 'misshapen' } })

    await expect(undocumented).rejects.toThrow(RemoteUnavailable)
    await expect(undocumented).rejects.toThrow('pets is unavailable: unexpected answer')
    await expect(misshapen).rejects.toThrow('pets is unavailable: invalid answer')
  })
})
