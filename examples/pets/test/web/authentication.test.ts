import type { AddressInfo } from 'node:net'
import { exportJWK, generateKeyPair, SignJWT } from 'jose'
import { OAuth2Server } from 'oauth2-mock-server'
import supertest from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuthenticationOptions } from '../../src/web/authentication.js'
import { createServer, type Server } from '../../src/web/server.js'
import { serverOptions } from '../support/http.js'

const audience = 'shop'

/** A service with one route that needs `things:read`, and the open health route, on a real socket. */
async function serviceWith(authentication: AuthenticationOptions | undefined) {
  const server: Server = await createServer({ ...serverOptions(), authentication })
  server.get(
    '/things',
    {
      config: { scopes: ['things:read'] },
      schema: { response: { 200: { type: 'object', properties: { ok: { type: 'boolean' } } } } },
    },
    async () => ({ ok: true }),
  )
  server.get('/health/live', { schema: {} }, async () => ({ status: 'up' }))
  await server.listen({ host: '127.0.0.1', port: 0 })
  const { port } = server.server.address() as AddressInfo
  return { server, http: supertest(`http://127.0.0.1:${port}`) }
}

describe('authentication against a real identity provider', () => {
  const idp = new OAuth2Server()
  let service: Awaited<ReturnType<typeof serviceWith>>
  let options: AuthenticationOptions

  /** A token of the identity provider, with `claims` set (or removed, when undefined). */
  const tokenWith = (claims: Record<string, unknown> = {}, kid?: string) =>
    idp.issuer.buildToken({
      ...(kid ? { kid } : {}),
      scopesOrTransform: (_header, payload) => {
        Object.assign(payload, { aud: audience, scope: 'things:read' }, claims)
      },
    })

  beforeAll(async () => {
    await idp.issuer.keys.generate('RS256')
    await idp.start(0, '127.0.0.1')
    const issuer = idp.issuer.url as string
    options = {
      issuer,
      audience,
      jwksUrl: `${issuer}/jwks`,
      algorithms: ['RS256', 'ES256'],
      clockSkewSeconds: 5,
      operationsScope: '',
      keysCooldownMs: 0,
    }
    service = await serviceWith(options)
  })
  afterAll(async () => {
    await service?.server.close()
    await idp.stop().catch(() => {})
  })

  const get = (token?: string) => {
    const request = service.http.get('/things')
    return token === undefined ? request : request.set('authorization', `Bearer ${token}`)
  }

  it('accepts a valid token with the route’s scope', async () => {
    await get(await tokenWith()).expect(200, { ok: true })
  })

  it('asks for a token, with 401 problem+json and WWW-Authenticate, when there is none', async () => {
    const response = await get().expect(401)
    expect(response.headers['www-authenticate']).toBe('Bearer realm="test"')
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(response.body).toMatchObject({ status: 401, code: 'AUTH.UNAUTHENTICATED' })
  })

  it('refuses a token without the scope with 403 insufficient_scope, naming the scope', async () => {
    const response = await get(await tokenWith({ scope: 'things:write' })).expect(403)
    expect(response.headers['www-authenticate']).toBe(
      'Bearer realm="test", error="insufficient_scope", scope="things:read"',
    )
    expect(response.body).toMatchObject({
      code: 'AUTH.INSUFFICIENT_SCOPE',
      detail: 'the token does not grant things:read',
    })
  })

  const now = () => Math.floor(Date.now() / 1000)
  it.each([
    ['expired', () => tokenWith({ exp: now() - 60 }), 'the token has expired'],
    ['not valid yet', () => tokenWith({ nbf: now() + 60 }), 'the token is not valid yet'],
    [
      'from another issuer',
      () => tokenWith({ iss: 'https://elsewhere.example.com' }),
      'the token is from another issuer',
    ],
    ['for another audience', () => tokenWith({ aud: 'billing' }), 'the token is for another audience'],
    ['signed with HS256', () => symmetricToken(), 'the token is signed with an algorithm not accepted'],
    ['unsigned (alg none)', () => unsignedToken(), 'the token is signed with an algorithm not accepted'],
    ['signed by a key nobody published', () => strangerToken(), 'does not publish'],
    ['garbage', async () => 'not.a.token', 'the token'],
  ])('refuses a token %s with 401 invalid_token', async (_case, token, reason) => {
    const response = await get(await token()).expect(401)
    expect(response.headers['www-authenticate']).toMatch(
      /^Bearer realm="test", error="invalid_token", error_description="/,
    )
    expect(response.body).toMatchObject({
      code: 'AUTH.INVALID_TOKEN',
      detail: expect.stringContaining(reason),
    })
  })

  it('accepts a token from a key the provider rotated in after the keys were cached', async () => {
    await get(await tokenWith()).expect(200)
    const rotated = await idp.issuer.keys.generate('ES256')
    const response = await get(await tokenWith({}, rotated.kid))
    expect(response.status, JSON.stringify(response.body)).toBe(200)
  })

  it('answers 503, not 500 and not an open door, while the provider’s keys cannot be fetched', async () => {
    const token = await tokenWith()
    const fresh = await serviceWith({ ...options, jwksUrl: 'http://127.0.0.1:9/jwks' })
    try {
      const response = await fresh.http.get('/things').set('authorization', `Bearer ${token}`).expect(503)
      expect(response.headers['retry-after']).toBeDefined()
      expect(response.body).toMatchObject({ code: 'DEPENDENCY.UNAVAILABLE' })
    } finally {
      await fresh.server.close()
    }
  })

  it('keeps health open, and documents the scheme, each operation’s security and its 401 and 403', async () => {
    await service.http.get('/health/live').expect(200)
    const document = (await service.http.get('/docs/json').expect(200)).body
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' })
    expect(document.paths['/things'].get.security).toEqual([{ bearer: ['things:read'] }])
    expect(Object.keys(document.paths['/things'].get.responses)).toEqual(
      expect.arrayContaining(['401', '403']),
    )
    expect(document.paths['/health/live'].get.security).toEqual([])
  })

  async function symmetricToken() {
    return new SignJWT({ scope: 'things:read' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(options.issuer)
      .setAudience(audience)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('a shared secret nobody should trust'))
  }

  function unsignedToken() {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
    return `${part({ alg: 'none', typ: 'JWT' })}.${part({ iss: options.issuer, aud: audience, scope: 'things:read', exp: now() + 300 })}.`
  }

  async function strangerToken() {
    const { privateKey, publicKey } = await generateKeyPair('RS256')
    const kid = (await exportJWK(publicKey)).n?.slice(0, 8) ?? 'stranger'
    return new SignJWT({ scope: 'things:read' })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(options.issuer)
      .setAudience(audience)
      .setExpirationTime('5m')
      .sign(privateKey)
  }
})

describe('without an identity provider (no AUTH_ISSUER, outside production)', () => {
  it('leaves every route open, and the document says so', async () => {
    const { server, http } = await serviceWith(undefined)
    try {
      await http.get('/things').expect(200)
      const document = (await http.get('/docs/json').expect(200)).body
      expect(document.paths['/things'].get.security).toEqual([])
      expect(document.components?.securitySchemes).toBeUndefined()
    } finally {
      await server.close()
    }
  })
})
