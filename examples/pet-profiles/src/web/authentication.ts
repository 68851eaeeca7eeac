import type { FastifyInstance, FastifyRequest } from 'fastify'
import { createRemoteJWKSet, errors, jwtVerify } from 'jose'
import { DependencyUnavailableError } from '../domain/errors.js'
import { problemResponses } from '../resources/problem.schema.js'

export interface AuthenticationOptions {
  readonly issuer: string
  readonly audience: string
  readonly jwksUrl: string
  readonly algorithms: readonly string[]
  readonly clockSkewSeconds: number
  /** A scope /metrics and /docs require; empty: they stay open. */
  readonly operationsScope: string
  /** Shortest time between two fetches of the keys: a token signed with a new key waits for it. */
  readonly keysCooldownMs: number
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The scopes a token must grant for this route; a route without is open. */
    readonly scopes?: readonly string[]
  }
}

/** The name of the security scheme in the OpenAPI document. */
export const bearerScheme = 'bearer'

/** A failure the client can fix with another token: 401 or 403, with the WWW-Authenticate that says why. */
export class AuthenticationRefused extends Error {
  constructor(
    readonly statusCode: 401 | 403,
    readonly code: string,
    message: string,
    readonly challenge: string,
  ) {
    super(message)
  }
}

/**
 * Bearer JWTs, verified against the identity provider's keys (fetched, cached, and fetched again
 * for a key id not seen yet, as keys rotate): the issuer, the audience, the algorithm from a fixed
 * list (never none), exp and nbf with the configured leeway; then the route's scopes, from the
 * `scope` claim (or `scp`). A route declares its scopes in `config.scopes`; the OpenAPI document
 * gets the security scheme, each operation's `security`, and its 401 and 403. With no options
 * (no AUTH_ISSUER, outside production) every route is open and the document says so.
 */
export function registerAuthentication(
  server: FastifyInstance,
  realm: string,
  options?: AuthenticationOptions,
): void {
  server.addHook('onRoute', (route) => {
    const scopes = requiredScopes(route.config?.scopes, route.url, options)
    if (scopes !== undefined) route.config = { ...route.config, scopes }
    const schema = route.schema
    if (!schema || schema.hide) return
    const documented = schema as { security?: unknown; response?: object }
    documented.security = options && scopes ? [{ [bearerScheme]: [...scopes] }] : []
    if (options && scopes) documented.response = { ...problemResponses(401, 403), ...documented.response }
  })
  if (!options) {
    server.log.warn('authentication is off (no AUTH_ISSUER): every route is open')
    return
  }
  const keys = identityProviderKeys(options)
  server.addHook('onRequest', async (request, reply) => {
    const scopes = request.routeOptions.config.scopes
    if (!scopes) return
    try {
      const granted = await grantedScopes(request, keys, options, realm)
      const missing = scopes.filter((scope) => !granted.has(scope))
      if (missing.length > 0) {
        throw new AuthenticationRefused(
          403,
          'AUTH.INSUFFICIENT_SCOPE',
          `the token does not grant ${missing.join(' ')}`,
          `Bearer realm="${realm}", error="insufficient_scope", scope="${scopes.join(' ')}"`,
        )
      }
    } catch (error) {
      if (error instanceof AuthenticationRefused) reply.header('www-authenticate', error.challenge)
      throw error
    }
  })
}

/** The scopes the route needs: its own; for /metrics and /docs, the operations scope if one is set. */
function requiredScopes(
  declared: readonly string[] | undefined,
  url: string,
  options: AuthenticationOptions | undefined,
): readonly string[] | undefined {
  if (declared) return declared
  const operations = url === '/metrics' || url === '/docs' || url.startsWith('/docs/')
  return operations && options?.operationsScope ? [options.operationsScope] : undefined
}

async function grantedScopes(
  request: FastifyRequest,
  keys: IdentityProviderKeys,
  options: AuthenticationOptions,
  realm: string,
): Promise<Set<string>> {
  const [scheme, token, ...rest] = (request.headers.authorization ?? '').split(' ')
  if (scheme?.toLowerCase() !== 'bearer' || !token || rest.length > 0) {
    throw new AuthenticationRefused(
      401,
      'AUTH.UNAUTHENTICATED',
      'a bearer token is required',
      `Bearer realm="${realm}"`,
    )
  }
  try {
    const verify = () =>
      jwtVerify(token, keys.current(), {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: [...options.algorithms],
        clockTolerance: options.clockSkewSeconds,
      })
    const { payload } = await verify().catch((error: unknown) => {
      // A key id not seen yet: the provider may have rotated its keys since they were fetched.
      if (error instanceof errors.JWKSNoMatchingKey && keys.refresh()) return verify()
      throw error
    })
    const scope = typeof payload.scope === 'string' ? payload.scope.split(' ') : []
    const scp = Array.isArray(payload.scp)
      ? payload.scp.filter((each): each is string => typeof each === 'string')
      : []
    return new Set([...scope, ...scp].filter(Boolean))
  } catch (error) {
    if (error instanceof errors.JWKSTimeout || isUnreachable(error)) {
      throw new DependencyUnavailableError('identity provider')
    }
    const reason = error instanceof errors.JOSEError ? describe(error) : 'the token cannot be read'
    throw new AuthenticationRefused(
      401,
      'AUTH.INVALID_TOKEN',
      reason,
      `Bearer realm="${realm}", error="invalid_token", error_description="${reason}"`,
    )
  }
}

interface IdentityProviderKeys {
  current(): ReturnType<typeof createRemoteJWKSet>
  /** Fetches the keys again on next use, unless they were fetched within the cooldown; says whether. */
  refresh(): boolean
}

/** The provider's published keys, fetched on first use and cached, and fetched again when they rotate. */
function identityProviderKeys({ jwksUrl, keysCooldownMs }: AuthenticationOptions): IdentityProviderKeys {
  const fetchKeys = () =>
    createRemoteJWKSet(new URL(jwksUrl), { timeoutDuration: 2_000, cooldownDuration: keysCooldownMs })
  let keys = fetchKeys()
  let fetchedAt = Date.now()
  return {
    current: () => keys,
    refresh() {
      if (Date.now() - fetchedAt < keysCooldownMs) return false
      keys = fetchKeys()
      fetchedAt = Date.now()
      return true
    },
  }
}

/** What is wrong with the token, in words a client can act on; nothing about the keys. */
function describe(error: InstanceType<typeof errors.JOSEError>): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired'
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return 'the token is not valid yet'
    if (error.claim === 'iss') return 'the token is from another issuer'
    if (error.claim === 'aud') return 'the token is for another audience'
    return `the token's ${error.claim} claim is not acceptable`
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the token is signed with an algorithm not accepted'
  if (error instanceof errors.JWKSNoMatchingKey)
    return 'the token is signed with a key the identity provider does not publish'
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token signature is not valid'
  return 'the token is not valid'
}

/** The identity provider's keys could not be fetched: a 503, never an open door or a 500. */
function isUnreachable(error: unknown): boolean {
  if (error instanceof errors.JWKSInvalid) return true
  if (!(error instanceof Error)) return false
  const cause = (error as { cause?: { code?: string } }).cause
  return (
    error.name === 'TypeError' ||
    error.name === 'AbortError' ||
    error.name === 'TimeoutError' ||
    (cause?.code !== undefined &&
      /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|UND_ERR)/.test(cause.code)) ||
    /Expected 200 OK|fetch failed/i.test(error.message)
  )
}
