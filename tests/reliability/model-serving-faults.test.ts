import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repositoryRoot } from '../support/run.js'
import { type ServiceProcess, startProcess, waitForStatus } from '../support/service-process.js'

const example = join(repositoryRoot, 'examples/model-serving')
const flower = [5.1, 3.5, 1.4, 0.2]

/**
 * The model server as it runs in production, given a model repository where one version is a
 * corrupt file: it must keep running, say which model is broken, and serve the others.
 */
describe('model-serving with a corrupt model file, under hostile requests', () => {
  let repository: string
  let service: ServiceProcess & { readonly exited: Promise<number | null> }
  const post = (path: string, body: unknown) =>
    fetch(`${service.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })

  beforeAll(async () => {
    repository = await mkdtemp(join(tmpdir(), 'models-'))
    await cp(join(example, 'models'), repository, { recursive: true })
    await cp(join(repository, 'iris/2'), join(repository, 'iris/3'), { recursive: true })
    await writeFile(join(repository, 'iris/3/model.onnx'), 'this is not an ONNX model')
    service = await startProcess(process.execPath, ['--import', 'tsx', 'src/main.ts'], example, {
      MODEL_REPOSITORY: repository,
      LOG_LEVEL: 'info',
    })
    expect(await waitForStatus(`${service.baseUrl}/health/live`, 200, 60_000), service.output()).toBe(true)
    await waitForStatus(`${service.baseUrl}/v2/models/iris/versions/1/ready`, 200, 30_000)
  }, 90_000)
  afterAll(async () => {
    await service?.stop()
    await rm(repository, { recursive: true, force: true })
  })

  it('keeps running, and stays unready while a model cannot load', async () => {
    expect((await fetch(`${service.baseUrl}/health/live`)).status).toBe(200)
    expect((await fetch(`${service.baseUrl}/health/ready`)).status).toBe(503)
    expect((await fetch(`${service.baseUrl}/v2/health/ready`)).status).toBe(503)
  })

  it('says in its log which model failed to load', () => {
    const line = service
      .output()
      .split('\n')
      .find((entry) => entry.includes('iris/3'))

    expect(line, service.output()).toMatch(/fail/i)
  })

  it('serves the versions that loaded', async () => {
    const response = await post('/v1/models/iris/versions/1:predict', { instances: [flower] })

    expect(response.status).toBe(200)
    expect(((await response.json()) as { predictions: unknown[] }).predictions).toHaveLength(1)
  })

  it('refuses 10,000 instances in one request with a 4xx naming the limit', async () => {
    const response = await post('/v1/models/iris/versions/1:predict', {
      instances: Array(10_000).fill(flower),
    })

    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(await response.text()).toMatch(/1000/)
  })

  it.each([
    ['a version that does not exist', '/v1/models/iris/versions/9:predict', { instances: [flower] }, 404],
    ['a model that does not exist', '/v1/models/tulip:predict', { instances: [flower] }, 404],
    ['an instance of the wrong shape', '/v1/models/iris/versions/1:predict', { instances: [[1, 2]] }, 400],
    [
      'strings where numbers go',
      '/v1/models/iris/versions/1:predict',
      { instances: [['a', 'b', 'c', 'd']] },
      400,
    ],
    [
      'NaN and Infinity spelled out in a tensor',
      '/v2/models/iris/versions/1/infer',
      { inputs: [{ name: 'input', datatype: 'FP32', shape: [1, 4], data: ['NaN', 'Infinity', 1, 2] }] },
      400,
    ],
  ])('answers %s with %i problem+json', async (_, path, body, status) => {
    const response = await post(path, body)

    expect(response.status).toBe(status)
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  })
})
