import { describe, expect, it } from 'vitest'
import '../../src/config/formats.js'
import { ConfigError, readSettings } from '../../src/config/read-settings.js'
import { remoteSettings } from '../../src/config/remote.settings.js'

const schema = { petsApi: remoteSettings('pets API', 'PETS_API', { baseUrl: 'http://pets:8080' }) }

describe('the settings of a remote', () => {
  it('has defaults for everything, the base URL included', () => {
    expect(readSettings(schema, {}).petsApi).toEqual({
      baseUrl: 'http://pets:8080',
      connectTimeoutMs: 1_000,
      timeoutMs: 5_000,
      retries: 2,
      maxResponseBytes: 1_048_576,
      circuitFailures: 5,
      circuitHalfOpenAfterMs: 10_000,
    })
  })

  it('reads each from a variable named after the remote', () => {
    const settings = readSettings(schema, {
      PETS_API_URL: 'https://pets.example.com/v1',
      PETS_API_TIMEOUT_MS: '800',
      PETS_API_RETRIES: '0',
    }).petsApi

    expect(settings).toMatchObject({ baseUrl: 'https://pets.example.com/v1', timeoutMs: 800, retries: 0 })
  })

  it.each([
    ['PETS_API_URL', 'pets:8080'],
    ['PETS_API_URL', 'ftp://pets'],
    ['PETS_API_TIMEOUT_MS', '0'],
    ['PETS_API_RETRIES', '-1'],
  ])('refuses %s=%s, naming the variable', (variable, value) => {
    expect(() => readSettings(schema, { [variable]: value })).toThrow(ConfigError)
    expect(() => readSettings(schema, { [variable]: value })).toThrow(variable)
  })
})
