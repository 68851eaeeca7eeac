import { OAuth2Server } from 'oauth2-mock-server'

/**
 * A real OpenID provider, listening on loopback (oauth2-mock-server): it publishes its keys at
 * /jwks and signs the tokens a test asks for. `settings` are the variables a service trusts it by.
 */
export async function startIdentityProvider(audience: string) {
  const provider = new OAuth2Server()
  await provider.issuer.keys.generate('RS256')
  await provider.start(0, '127.0.0.1')
  const issuer = provider.issuer.url as string
  return {
    settings: { AUTH_ISSUER: issuer, AUTH_AUDIENCE: audience, AUTH_JWKS_URL: `${issuer}/jwks` },
    /** A valid token granting `scopes`. */
    token: (...scopes: string[]) =>
      provider.issuer.buildToken({
        scopesOrTransform: (_header, payload) => {
          Object.assign(payload, { aud: audience, scope: scopes.join(' ') })
        },
      }),
    stop: () => provider.stop(),
  }
}
