import { copyFile, mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { handGrownFiles } from '../examples/hand-grown.js'
import { addOwner } from '../support/pets.js'
import { repositoryRoot, runAnatomy } from '../support/run.js'
import { generatedService } from '../support/service-folder.js'
import {
  freePort,
  postJson,
  type ServiceProcess,
  startProcess,
  waitForStatus,
} from '../support/service-process.js'

const pets = join(repositoryRoot, 'examples/pets')
const timeoutMs = 1_000
const halfOpenAfterMs = 1_000

/** The pets example on `port`, on an embedded database in memory: each start begins empty. */
async function startPets(port: number): Promise<ServiceProcess> {
  const started = await startProcess(process.execPath, ['--import', 'tsx', 'src/main.ts'], pets, {
    PORT: String(port),
    DATABASE_URL: '',
    PGLITE_DATA_DIR: 'memory://',
  })
  expect(await waitForStatus(`http://127.0.0.1:${port}/health/ready`, 200, 60_000), started.output()).toBe(
    true,
  )
  return started
}

async function addPet(petsUrl: string, name: string): Promise<{ petId: string; ownerId: string }> {
  const ownerId = await addOwner(petsUrl, `Owner of ${name}`)
  const response = await postJson(`${petsUrl}/pets`, { name, ownerId, species: 'cat' })
  expect(response.status).toBe(201)
  return { petId: ((await response.json()) as { id: string }).id, ownerId }
}

async function circuitState(baseUrl: string): Promise<string | undefined> {
  const metrics = await (await fetch(`${baseUrl}/metrics`)).text()
  return /^http_client_circuit_state\{remote="pets"\} (\d)$/m.exec(metrics)?.[1]
}

/**
 * A service made from scratch gets a gateway from the running pets service's own document, calls
 * it through its own use case (pet-profiles' hand-grown files, copied in), answers 503 within its
 * deadline while pets is stopped, and serves again once pets is back and the circuit closes.
 */
describe('a generated service calling another through its generated gateway', () => {
  let petsPort: number
  let petsUrl: string
  let remote: ServiceProcess | undefined
  let service: ServiceProcess | undefined

  beforeAll(async () => {
    petsPort = await freePort()
    petsUrl = `http://127.0.0.1:${petsPort}`
    remote = await startPets(petsPort)
    const shop = await generatedService('shop')
    const added = await runAnatomy([
      'add',
      'gateway',
      'pet-directory',
      '--openapi',
      `${petsUrl}/docs/json`,
      '--operations',
      'getPet,getOwner',
      '--service',
      shop,
      '--yes',
    ])
    expect(added.code, added.stderr).toBe(0)
    for (const file of handGrownFiles['pet-profiles'].filter((path) => path.startsWith('src/'))) {
      await mkdir(dirname(join(shop, file)), { recursive: true })
      await copyFile(join(repositoryRoot, 'examples/pet-profiles', file), join(shop, file))
    }
    service = await startProcess(process.execPath, ['--import', 'tsx', 'src/main.ts'], shop, {
      PETS_API_URL: petsUrl,
      PETS_API_TIMEOUT_MS: String(timeoutMs),
      PETS_API_RETRIES: '1',
      PETS_API_CIRCUIT_FAILURES: '3',
      PETS_API_CIRCUIT_HALF_OPEN_AFTER_MS: String(halfOpenAfterMs),
      // Both on the embedded database, whatever DATABASE_URL the tests run with.
      DATABASE_URL: '',
      PGLITE_DATA_DIR: 'memory://',
    })
    expect(await waitForStatus(`${service.baseUrl}/health/ready`, 200, 60_000), service.output()).toBe(true)
  }, 240_000)
  afterAll(async () => {
    await service?.stop()
    await remote?.stop()
  })

  it('answers from the remote, 503 within its deadline while the remote is stopped, and again once it is back', {
    timeout: 120_000,
  }, async () => {
    const url = service?.baseUrl ?? ''
    const rex = await addPet(petsUrl, 'Rex')
    const answered = await fetch(`${url}/profiles/${rex.petId}`)
    expect(answered.status, await answered.clone().text()).toBe(200)
    expect(await answered.json()).toMatchObject({ petId: rex.petId, name: 'Rex', owner: { id: rex.ownerId } })
    expect(await circuitState(url)).toBe('0')

    await remote?.stop()
    for (let call = 0; call < 4; call++) {
      const started = performance.now()
      const refused = await fetch(`${url}/profiles/${rex.petId}`)
      const tookMs = performance.now() - started

      expect(refused.status).toBe(503)
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      expect(await refused.json()).toMatchObject({ code: 'DEPENDENCY.UNAVAILABLE' })
      expect(tookMs).toBeLessThan(timeoutMs + 2_000)
    }
    expect(await circuitState(url)).toBe('2')

    remote = await startPets(petsPort)
    const tom = await addPet(petsUrl, 'Tom')
    expect(await waitForStatus(`${url}/profiles/${tom.petId}`, 200, 15_000)).toBe(true)
    expect(await circuitState(url)).toBe('0')
  })
})
