import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../src/config/load-config.js'

const provider = { AUTH_ISSUER: 'https://login.example.com/', AUTH_AUDIENCE: 'shop' }

describe('the settings of authentication', () => {
  it('leaves authentication off outside production when no issuer is set', () => {
    expect(loadConfig({}).authentication).toBeUndefined()
  })

  it('refuses to start in production without an issuer, saying how to run without authentication', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError)
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_ISSUER: .*AUTH_DISABLED=true/)
  })

  it('runs in production without authentication only when AUTH_DISABLED=true says so', () => {
    expect(loadConfig({ NODE_ENV: 'production', AUTH_DISABLED: 'true' }).authentication).toBeUndefined()
  })

  it('takes the keys from the issuer’s well-known address unless AUTH_JWKS_URL says otherwise', () => {
    expect(loadConfig(provider).authentication).toMatchObject({
      issuer: 'https://login.example.com/',
      audience: 'shop',
      jwksUrl: 'https://login.example.com/.well-known/jwks.json',
      algorithms: ['RS256', 'ES256'],
      clockSkewSeconds: 30,
    })
    expect(
      loadConfig({ ...provider, AUTH_JWKS_URL: 'https://keys.example.com/jwks' }).authentication?.jwksUrl,
    ).toBe('https://keys.example.com/jwks')
  })

  it.each([
    [{ AUTH_ISSUER: 'https://login.example.com' }, 'AUTH_AUDIENCE'],
    [{ ...provider, AUTH_ALGORITHMS: 'HS256' }, 'AUTH_ALGORITHMS'],
    [{ ...provider, AUTH_ALGORITHMS: 'none' }, 'AUTH_ALGORITHMS'],
    [{ AUTH_ISSUER: 'login.example.com' }, 'AUTH_ISSUER'],
    [{ ...provider, AUTH_CLOCK_SKEW_SECONDS: '-5' }, 'AUTH_CLOCK_SKEW_SECONDS'],
  ])('refuses %o, naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError)
    expect(() => loadConfig(env)).toThrow(variable)
  })
})
