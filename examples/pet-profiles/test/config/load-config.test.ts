import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../src/config/load-config.js'

describe('configuration', () => {
  it('runs on a laptop with no variables set', () => {
    const config = loadConfig({})

    expect(config.http).toMatchObject({ host: '0.0.0.0', port: 8080 })
    expect(config.log.level).toBe('info')
    expect(config.database.url).toBe('')
  })

  it('reads every setting from the environment', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'debug',
      DATABASE_URL: 'postgres://app@db:5432/app',
      DATABASE_MIGRATE_ON_START: 'false',
    })

    expect(config.http).toMatchObject({ host: '127.0.0.1', port: 9000 })
    expect(config.log.level).toBe('debug')
    expect(config.database).toMatchObject({ url: 'postgres://app@db:5432/app', migrateOnStart: false })
  })

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['LOG_LEVEL', 'loud'],
    ['DATABASE_URL', 'mysql://db/app'],
    ['DATABASE_POOL_MAX', '0'],
    ['DATABASE_MIGRATE_ON_START', 'yes'],
    ['BODY_LIMIT_BYTES', '1.5'],
    ['REQUEST_TIMEOUT_MS', '0'],
    ['TRUST_PROXY', 'maybe'],
    ['CORS_ORIGINS', 'app.example.com'],
    ['RATE_LIMIT_MAX', '-1'],
    ['RATE_LIMIT_WINDOW_MS', 'soon'],
    ['DATABASE_QUERY_TIMEOUT_MS', 'x'],
    ['SHUTDOWN_TIMEOUT_MS', ''],
  ])('rejects %s=%s, naming the variable', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError)
    expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(`^${variable}: `))
  })

  it('names every wrong variable at once', () => {
    expect(() => loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud' })).toThrow(/PORT: .*; LOG_LEVEL: /)
  })

  it('never repeats a secret in its message', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://user:hunter2@db/app' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    )
  })
})
