import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../src/config/load-config.js'

describe('the settings of the broker', () => {
  it('has none by default: the service runs without one', () => {
    expect(loadConfig({}).broker).toMatchObject({
      url: '',
      exchange: 'pets.events',
      prefetch: 16,
    })
  })

  it('reads the URL and the limits from their variables', () => {
    const broker = loadConfig({
      AMQP_URL: 'amqps://user:secret@rabbitmq.internal:5671/prod',
      AMQP_PREFETCH: '4',
      AMQP_MAX_ATTEMPTS: '2',
    }).broker
    expect(broker).toMatchObject({
      url: 'amqps://user:secret@rabbitmq.internal:5671/prod',
      prefetch: 4,
      maxAttempts: 2,
    })
  })

  it.each([
    ['AMQP_URL', 'rabbitmq:5672'],
    ['AMQP_URL', 'http://rabbitmq:15672'],
    ['AMQP_PREFETCH', '0'],
    ['AMQP_RETRY_DELAY_MS', 'soon'],
    ['AMQP_EVENTS_EXCHANGE', ' '],
  ])('refuses %s=%s, naming the variable', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError)
    expect(() => loadConfig({ [variable]: value })).toThrow(variable)
  })
})
