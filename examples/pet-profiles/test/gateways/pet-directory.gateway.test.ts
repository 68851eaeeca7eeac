import { afterEach, describe, expect, it } from 'vitest'
import { createRemoteClient, type RemoteClient } from '../../src/clients/http/remote-client.js'
import type { RemoteSettings } from '../../src/clients/http/remote-settings.js'
import { DependencyUnavailableError } from '../../src/domain/errors.js'
import {
  PetDirectoryNotFound,
  PetDirectoryRefused,
} from '../../src/domain/pet-directory/pet-directory.errors.js'
import { createPetDirectoryGateway } from '../../src/gateways/pet-directory.gateway.js'
import { type Behaviour, json, unreliableRemote } from '../support/unreliable-remote.js'

const settings: Omit<RemoteSettings, 'baseUrl'> = {
  connectTimeoutMs: 500,
  timeoutMs: 2_000,
  retries: 0,
  maxResponseBytes: 1_048_576,
  circuitFailures: 5,
  circuitHalfOpenAfterMs: 1_000,
}
const problem = (status: number, detail: string) => ({
  type: 'about:blank',
  title: 'Refused',
  status,
  detail,
})

describe('the pet directory gateway, against a server answering as the pets API does', () => {
  let remote: Awaited<ReturnType<typeof unreliableRemote>> | undefined
  let client: RemoteClient | undefined

  afterEach(async () => {
    await client?.close()
    await remote?.close()
  })

  /** The gateway over a remote that answers `route` as `behaviour` says, and nothing else. */
  async function gatewayAnswering(route: string, behaviour: Behaviour) {
    remote = await unreliableRemote({ [route]: behaviour })
    client = createRemoteClient('pets', { ...settings, baseUrl: remote.url })
    return createPetDirectoryGateway(client)
  }

  it("getPet: reads the remote's answer as the domain's Pet", async () => {
    const gateway = await gatewayAnswering(
      'GET /pets/0195b1d4-8a3e-7c11-9f00-0c5a3b7e6d21',
      json(200, {
        id: '0195b1d4-8a3e-7c11-9f00-0c5a3b7e6d21',
        name: 'sample',
        ownerId: '0195b1d4-8a3e-7c11-9f00-0c5a3b7e6d21',
        description: 'sample',
        species: 'dog',
        createdAt: '2026-01-02T03:04:05.000Z',
        updatedAt: '2026-01-02T03:04:05.000Z',
      }),
    )

    await expect(gateway.getPet('0195b1d4-8a3e-7c11-9f00-0c5a3b7e6d21')).resolves.toEqual({
      id: '0195b1d4-8a3e-7c11-9f00-0c5a3b7e6d21',
      name: 'sample',
      ownerId: '0195b1d4-8a3e-7c11-9f00-0c5a3b7e6d21',
      description: 'sample',
      species: 'dog',
      createdAt: '2026-01-02T03:04:05.000Z',
      updatedAt: '2026-01-02T03:04:05.000Z',
    })
  })

  it('getPet: takes an answer its document does not allow for a remote that is unavailable', async () => {
    const gateway = await gatewayAnswering('GET /pets/0195b1d4-8a3e-7c11-9f00-0c5a3b7e6d21', json(200, 42))

    await expect(gateway.getPet('0195b1d4-8a3e-7c11-9f00-0c5a3b7e6d21')).rejects.toThrow(
      DependencyUnavailableError,
    )
  })

  it("getPet: takes the remote's 404 for the domain's not found", async () => {
    const gateway = await gatewayAnswering(
      'GET /pets/0195b1d4-8a3e-7c11-9f00-0c5a3b7e6d21',
      json(404, problem(404, 'the remote says why')),
    )

    const refused = gateway.getPet('0195b1d4-8a3e-7c11-9f00-0c5a3b7e6d21')
    await expect(refused).rejects.toThrow(PetDirectoryNotFound)
    await expect(refused).rejects.toThrow('the remote says why')
  })

  it("getPet: takes the remote's 400 for a refusal, with the remote's detail", async () => {
    const gateway = await gatewayAnswering(
      'GET /pets/0195b1d4-8a3e-7c11-9f00-0c5a3b7e6d21',
      json(400, problem(400, 'the remote says why')),
    )

    const refused = gateway.getPet('0195b1d4-8a3e-7c11-9f00-0c5a3b7e6d21')
    await expect(refused).rejects.toThrow(PetDirectoryRefused)
    await expect(refused).rejects.toThrow('the remote says why')
  })

  it('getPet: takes a remote that fails for a dependency that is unavailable', async () => {
    const gateway = await gatewayAnswering(
      'GET /pets/0195b1d4-8a3e-7c11-9f00-0c5a3b7e6d21',
      json(500, problem(500, 'it broke')),
    )

    await expect(gateway.getPet('0195b1d4-8a3e-7c11-9f00-0c5a3b7e6d21')).rejects.toThrow(
      DependencyUnavailableError,
    )
  })

  it("getOwner: reads the remote's answer as the domain's Owner", async () => {
    const gateway = await gatewayAnswering(
      'GET /owners/0195b1d4-8a3e-7c11-9f00-0c5a3b7e6d21',
      json(200, {
        id: '0195b1d4-8a3e-7c11-9f00-0c5a3b7e6d21',
        name: 'sample',
        email: 'sample',
        createdAt: '2026-01-02T03:04:05.000Z',
        updatedAt: '2026-01-02T03:04:05.000Z',
      }),
    )

    await expect(gateway.getOwner('0195b1d4-8a3e-7c11-9f00-0c5a3b7e6d21')).resolves.toEqual({
      id: '0195b1d4-8a3e-7c11-9f00-0c5a3b7e6d21',
      name: 'sample',
      email: 'sample',
      createdAt: '2026-01-02T03:04:05.000Z',
      updatedAt: '2026-01-02T03:04:05.000Z',
    })
  })

  it('getOwner: takes an answer its document does not allow for a remote that is unavailable', async () => {
    const gateway = await gatewayAnswering('GET /owners/0195b1d4-8a3e-7c11-9f00-0c5a3b7e6d21', json(200, 42))

    await expect(gateway.getOwner('0195b1d4-8a3e-7c11-9f00-0c5a3b7e6d21')).rejects.toThrow(
      DependencyUnavailableError,
    )
  })

  it("getOwner: takes the remote's 404 for the domain's not found", async () => {
    const gateway = await gatewayAnswering(
      'GET /owners/0195b1d4-8a3e-7c11-9f00-0c5a3b7e6d21',
      json(404, problem(404, 'the remote says why')),
    )

    const refused = gateway.getOwner('0195b1d4-8a3e-7c11-9f00-0c5a3b7e6d21')
    await expect(refused).rejects.toThrow(PetDirectoryNotFound)
    await expect(refused).rejects.toThrow('the remote says why')
  })

  it("getOwner: takes the remote's 400 for a refusal, with the remote's detail", async () => {
    const gateway = await gatewayAnswering(
      'GET /owners/0195b1d4-8a3e-7c11-9f00-0c5a3b7e6d21',
      json(400, problem(400, 'the remote says why')),
    )

    const refused = gateway.getOwner('0195b1d4-8a3e-7c11-9f00-0c5a3b7e6d21')
    await expect(refused).rejects.toThrow(PetDirectoryRefused)
    await expect(refused).rejects.toThrow('the remote says why')
  })

  it('getOwner: takes a remote that fails for a dependency that is unavailable', async () => {
    const gateway = await gatewayAnswering(
      'GET /owners/0195b1d4-8a3e-7c11-9f00-0c5a3b7e6d21',
      json(500, problem(500, 'it broke')),
    )

    await expect(gateway.getOwner('0195b1d4-8a3e-7c11-9f00-0c5a3b7e6d21')).rejects.toThrow(
      DependencyUnavailableError,
    )
  })
})
