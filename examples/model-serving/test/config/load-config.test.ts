import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../src/config/load-config.js'

const serviceRoot = fileURLToPath(new URL('../../', import.meta.url))

describe('configuration', () => {
  it('runs on a laptop with no variables set, serving the models shipped with the service', () => {
    const config = loadConfig({})

    expect(config.http).toMatchObject({
      host: '0.0.0.0',
      port: 8080,
      bodyLimitBytes: 2_097_152,
      requestTimeoutMs: 30_000,
      trustProxy: false,
      corsOrigins: [],
      rateLimitMax: 0,
      rateLimitWindowMs: 60_000,
    })
    expect(config.log.level).toBe('info')
    expect(config.vertex).toEqual({ predictRoute: '/predict', healthRoute: '/health' })
    expect(config.models).toEqual({
      repository: join(serviceRoot, 'models'),
      selection: [],
      traffic: new Map(),
      control: false,
      threads: 1,
      maxInstancesPerRequest: 1_000,
    })
    expect(config.batching).toEqual({ maxBatchSize: 32, maxDelayMs: 0 })
  })

  it('reads every setting from the environment', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'debug',
      MODEL_REPOSITORY: '/srv/models',
      MODELS: 'iris, wine:3',
      TRAFFIC_SPLIT: 'iris=1:90,2:10; wine=3:1',
      MODEL_CONTROL_MODE: 'explicit',
      MAX_INSTANCES_PER_REQUEST: '64',
      ONNX_THREADS: '0',
      BATCH_MAX_SIZE: '1',
      BATCH_MAX_DELAY_MS: '5',
      BODY_LIMIT_BYTES: '1000',
      REQUEST_TIMEOUT_MS: '5000',
      TRUST_PROXY: 'true',
      CORS_ORIGINS: 'https://app.example, https://admin.example',
      RATE_LIMIT_MAX: '100',
      RATE_LIMIT_WINDOW_MS: '1000',
    })

    expect(config.http).toMatchObject({
      host: '127.0.0.1',
      port: 9000,
      bodyLimitBytes: 1000,
      requestTimeoutMs: 5000,
      trustProxy: true,
      corsOrigins: ['https://app.example', 'https://admin.example'],
      rateLimitMax: 100,
      rateLimitWindowMs: 1000,
    })
    expect(config.log.level).toBe('debug')
    expect(config.models).toEqual({
      repository: '/srv/models',
      selection: [{ name: 'iris' }, { name: 'wine', version: 3 }],
      traffic: new Map([
        [
          'iris',
          new Map([
            [1, 90],
            [2, 10],
          ]),
        ],
        ['wine', new Map([[3, 1]])],
      ]),
      control: true,
      threads: 0,
      maxInstancesPerRequest: 64,
    })
    expect(config.batching).toEqual({ maxBatchSize: 1, maxDelayMs: 5 })
  })

  it('takes a relative model repository from the service folder, wherever the process starts', () => {
    expect(loadConfig({ MODEL_REPOSITORY: 'other-models' }).models.repository).toBe(
      join(serviceRoot, 'other-models'),
    )
  })

  it('follows Vertex AI: its port over PORT, its routes, and its storage when it is local', () => {
    const config = loadConfig({
      PORT: '8080',
      AIP_HTTP_PORT: '9090',
      AIP_PREDICT_ROUTE: '/v1/endpoints/e/deployedModels/m:predict',
      AIP_HEALTH_ROUTE: '/hc',
      AIP_STORAGE_URI: 'file:///mnt/models',
      MODEL_REPOSITORY: '/srv/models',
    })

    expect(config.http.port).toBe(9090)
    expect(config.vertex).toEqual({
      predictRoute: '/v1/endpoints/e/deployedModels/m:predict',
      healthRoute: '/hc',
    })
    expect(config.models.repository).toBe('/mnt/models')
    expect(loadConfig({ AIP_STORAGE_URI: '/mnt/artifacts' }).models.repository).toBe('/mnt/artifacts')
  })

  it('refuses a remote AIP_STORAGE_URI, since nothing may be downloaded, and says what to do instead', () => {
    expect(() => loadConfig({ AIP_STORAGE_URI: 'gs://bucket/models/iris' })).toThrow(
      /^AIP_STORAGE_URI: gs:\/\/ is not supported: models are never downloaded\. Copy them into the image or mount them/,
    )
  })

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['AIP_HTTP_PORT', 'http'],
    ['AIP_PREDICT_ROUTE', 'predict'],
    ['AIP_HEALTH_ROUTE', '/health check'],
    ['AIP_STORAGE_URI', 's3://bucket/model'],
    ['AIP_STORAGE_URI', 'file://relative/models'],
    ['LOG_LEVEL', 'loud'],
    ['MODELS', 'iris:latest'],
    ['MODELS', 'iris,../etc'],
    ['MAX_INSTANCES_PER_REQUEST', '0'],
    ['ONNX_THREADS', 'all'],
    ['BATCH_MAX_SIZE', '0'],
    ['BATCH_MAX_DELAY_MS', '-1'],
    ['BATCH_MAX_DELAY_MS', '0.5'],
    ['BODY_LIMIT_BYTES', '1.5'],
    ['REQUEST_TIMEOUT_MS', '0'],
    ['TRUST_PROXY', 'maybe'],
    ['CORS_ORIGINS', 'app.example.com'],
    ['RATE_LIMIT_MAX', '-1'],
    ['RATE_LIMIT_WINDOW_MS', 'soon'],
  ])('rejects %s=%s, naming the variable', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError)
    expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(`^${variable}: `))
  })

  it('names every wrong variable at once', () => {
    expect(() => loadConfig({ PORT: 'abc', BATCH_MAX_SIZE: 'many' })).toThrow(/PORT: .*; BATCH_MAX_SIZE: /)
  })
})
