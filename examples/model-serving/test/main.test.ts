import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const serviceRoot = fileURLToPath(new URL('../', import.meta.url))

/** The service as a platform starts it: its own process, configured by the platform's variables. */
describe('the service on Vertex AI', () => {
  let service: ChildProcess
  let baseUrl: string
  const log: string[] = []

  beforeAll(async () => {
    service = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serviceRoot,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        AIP_HTTP_PORT: '0',
        AIP_PREDICT_ROUTE: '/v1/endpoints/e/deployedModels/m:predict',
        AIP_HEALTH_ROUTE: '/hc',
      },
    })
    baseUrl = await new Promise<string>((resolve, reject) => {
      service.once('exit', (code) => reject(new Error(`exited with ${code}: ${log.join('')}`)))
      service.stdout?.on('data', (chunk: Buffer) => {
        log.push(chunk.toString())
        const address = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(log.join(''))?.[1]
        if (address) resolve(address)
      })
    })
    await untilReady(`${baseUrl}/hc`)
  })
  afterAll(() => {
    if (service.exitCode === null) service.kill('SIGKILL')
  })

  it('predicts the class and the probabilities on the route Vertex AI names', async () => {
    const response = await fetch(`${baseUrl}/v1/endpoints/e/deployedModels/m:predict`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ instances: [[5.1, 3.5, 1.4, 0.2]] }),
    })

    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      predictions: [
        {
          class: 'setosa',
          probabilities: [expect.any(Number), expect.any(Number), expect.any(Number)],
          label: 0,
        },
      ],
    })
  })

  it('answers the health route Vertex AI names', async () => {
    expect((await fetch(`${baseUrl}/hc`)).status).toBe(200)
  })

  it('logs each model as it becomes ready, and exits cleanly on SIGTERM', async () => {
    service.kill('SIGTERM')
    const [code] = await once(service, 'exit')

    expect(code).toBe(0)
    expect(log.join('')).toMatch(/"model":"iris","version":2.*"msg":"model loaded and warmed up"/)
  })
})

async function untilReady(url: string): Promise<void> {
  for (;;) {
    const status = await fetch(url).then(
      (response) => response.status,
      () => 0,
    )
    if (status === 200) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
