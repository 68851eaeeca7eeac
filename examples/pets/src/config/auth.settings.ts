/**
 * The settings of authentication: the service is a resource server, taking bearer JWTs issued by
 * the identity provider at AUTH_ISSUER and checking them against its published keys.
 */
export function authSettings() {
  return {
    issuer: {
      doc: 'The identity provider that issues the tokens (the iss claim), like https://login.example.com/. Empty: no authentication, which production refuses unless AUTH_DISABLED=true.',
      format: 'optional-http-url',
      default: '',
      env: 'AUTH_ISSUER',
    },
    audience: {
      doc: 'The audience tokens must be issued for (the aud claim): this service.',
      format: String,
      default: '',
      env: 'AUTH_AUDIENCE',
    },
    jwksUrl: {
      doc: "Where the identity provider publishes its keys; empty: the issuer's /.well-known/jwks.json.",
      format: 'optional-http-url',
      default: '',
      env: 'AUTH_JWKS_URL',
    },
    algorithms: {
      doc: 'The signature algorithms accepted, comma separated; none is never accepted.',
      format: 'algorithm-list',
      default: ['RS256', 'ES256'],
      env: 'AUTH_ALGORITHMS',
    },
    clockSkewSeconds: {
      doc: 'Leeway for the exp and nbf claims, for clocks that differ a little.',
      format: 'non-negative-integer',
      default: 30,
      env: 'AUTH_CLOCK_SKEW_SECONDS',
    },
    keysCooldownMs: {
      doc: "Shortest time between two fetches of the identity provider's keys; a token signed with a key not seen yet waits for it.",
      format: 'non-negative-integer',
      default: 30_000,
      env: 'AUTH_KEYS_COOLDOWN_MS',
    },
    operationsScope: {
      doc: 'A scope /metrics and /docs then require; empty: they stay open, as health always does.',
      format: String,
      default: '',
      env: 'AUTH_OPERATIONS_SCOPE',
    },
    disabled: {
      doc: 'Run without authentication even in production: every route is open.',
      format: 'strict-boolean',
      default: false,
      env: 'AUTH_DISABLED',
    },
  }
}

interface AuthSettings {
  readonly issuer: string
  readonly audience: string
  readonly jwksUrl: string
  readonly algorithms: readonly string[]
  readonly clockSkewSeconds: number
  readonly operationsScope: string
  readonly keysCooldownMs: number
  readonly disabled: boolean
}

/**
 * What the server checks tokens with, or undefined for no authentication: secure by default, so
 * production without an issuer is an error unless AUTH_DISABLED=true says it is meant.
 */
export function authenticationOf(
  settings: AuthSettings,
  nodeEnv: string | undefined,
  fail: (message: string) => Error,
) {
  const { issuer, audience, jwksUrl, disabled, ...checks } = settings
  if (disabled) return undefined
  if (issuer === '') {
    if (nodeEnv !== 'production') return undefined
    throw fail(
      'AUTH_ISSUER: must be set in production (NODE_ENV=production), with AUTH_AUDIENCE; or set AUTH_DISABLED=true to run without authentication',
    )
  }
  if (audience === '')
    throw fail('AUTH_AUDIENCE: must be set with AUTH_ISSUER: the audience tokens are issued for')
  const jwks =
    jwksUrl === ''
      ? new URL('.well-known/jwks.json', issuer.endsWith('/') ? issuer : `${issuer}/`).href
      : jwksUrl
  return { issuer, audience, jwksUrl: jwks, ...checks }
}
