import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseDockerfile } from '../support/dockerfile.js'
import { buildNodeBaseImage } from '../support/node-base-image.js'
import { addOwner } from '../support/pets.js'
import {
  type Container,
  type ContainerOptions,
  openPodman,
  type Podman,
  podmanInstalled,
  startContainer,
} from '../support/podman.js'
import { postgresUrl, privateSchemaUrl } from '../support/postgres.js'
import { repositoryRoot } from '../support/run.js'
import { postJson, waitForStatus } from '../support/service-process.js'

const minutes = (n: number) => n * 60_000
const installed = podmanInstalled()
const required = process.env.REQUIRE_CONTAINER_ENGINE === '1'
if (!installed && !required) {
  console.warn(
    'tests/ship/podman-image.test.ts skipped: podman (with runc) is not installed, so the real images ' +
      'are not built (REQUIRE_CONTAINER_ENGINE=1 makes this a failure)',
  )
}

const databaseUrl = postgresUrl()
const runId = randomBytes(4).toString('hex')
const dockerfile = parseDockerfile(readFileSync(join(repositoryRoot, 'Dockerfile'), 'utf8'))
/** The release in the pinned NODE_IMAGE (node:24.21.0-bookworm-slim): the base built here runs that one. */
const nodeVersion = /^node:(\d+\.\d+\.\d+)-/.exec(dockerfile.globalArgs.NODE_IMAGE ?? '')?.[1] ?? ''
const baseImage = `localhost/anatomy-node-${runId}:${nodeVersion}`

/**
 * Each image, built as it is with podman (only the base image is a local stand-in for the official
 * one): the root Dockerfile for each example, and the Dockerfile a service has in its own folder
 * (the template's, as pets has it), built from that folder alone.
 */
const builds = [
  { name: 'pets, from the root Dockerfile', tag: 'pets', service: 'pets', context: repositoryRoot },
  {
    name: 'pets, from its own folder',
    tag: 'pets-alone',
    service: 'pets',
    context: join(repositoryRoot, 'examples/pets'),
  },
  {
    name: 'model-serving, from the root Dockerfile',
    tag: 'model-serving',
    service: 'model-serving',
    context: repositoryRoot,
  },
] as const

/**
 * Lists what the image holds that production has no use for: sources, tests, and the tools that
 * build and test them (TypeScript, vitest, tsx), wherever they sit below the working directory.
 */
const devFilesScript = `
const entries = require('node:fs').readdirSync('.', { recursive: true })
const dev = /^(src|test)$|(^|\\/)node_modules\\/(typescript|vitest|tsx)$/
console.log(JSON.stringify(entries.filter((entry) => dev.test(entry))))
`

/** The images, built and run as containers: what `docker build` and `docker run` would do. */
describe.skipIf(!installed && !required)('the images, built and run with podman', () => {
  let podman: Podman

  beforeAll(async () => {
    if (!installed) throw new Error('REQUIRE_CONTAINER_ENGINE=1 but podman (with runc) is not installed')
    podman = await openPodman()
    await buildNodeBaseImage(podman, baseImage, nodeVersion)
  }, minutes(3))
  afterAll(async () => {
    await podman?.(['rmi', '--force', '--ignore', baseImage])
    await podman?.close()
  })

  const containers: Container[] = []
  afterAll(async () => {
    for (const container of containers) await container.remove()
  })
  const start = async (image: string, options: Omit<ContainerOptions, 'name'> = {}) => {
    const container = await startContainer(podman, image, {
      ...options,
      // The images run with NODE_ENV=production, where a service without an identity provider
      // refuses to start unless told to run open: these tests have none.
      env: { AUTH_DISABLED: 'true', ...options.env },
      name: `anatomy-${runId}-${containers.length}`,
    })
    containers.push(container)
    expect(
      await waitForStatus(`${container.baseUrl}/health/ready`, 200, 60_000),
      await container.logs(),
    ).toBe(true)
    return container
  }

  /**
   * Node itself is the first process, as uid and gid 1000; the HEALTHCHECK passes; SIGTERM ends it
   * with exit code 0, well before podman would send SIGKILL.
   */
  const expectRunsAndStopsAsShipped = async (container: Container) => {
    const first = await container.firstProcess()
    expect(first.uids).toEqual(['1000', '1000', '1000', '1000'])
    expect(first.gids).toEqual(['1000', '1000', '1000', '1000'])
    expect(first.command).toEqual(['node', '--import', './dist/tracing.js', 'dist/main.js'])
    await podman.ok(['healthcheck', 'run', container.name])

    const stopped = await container.stop(10)
    expect(stopped.exitCode, await container.logs()).toBe(0)
    expect(stopped.tookMs).toBeLessThan(5_000)
  }

  describe.each(builds)('$name', ({ tag, service, context }) => {
    let image: string

    beforeAll(async () => {
      image = `localhost/anatomy-${tag}-${runId}:test`
      await podman.ok([
        'build',
        '--format=docker',
        '--layers=false',
        '--jobs=3',
        // npm ci reaches the registry as the host does, even one on the host's loopback.
        '--network=host',
        '--build-arg',
        `NODE_IMAGE=${baseImage}`,
        ...(context === repositoryRoot ? ['--build-arg', `SERVICE=${service}`] : []),
        '--tag',
        image,
        context,
      ])
    }, minutes(10))
    afterAll(async () => {
      if (image) await podman(['rmi', '--force', '--ignore', image])
    })

    it('runs the Node release the Dockerfile pins, as user 1000:1000, with no source or dev tool', async () => {
      expect(await podman.ok(['run', '--rm', image, 'node', '--version'])).toBe(`v${nodeVersion}`)
      expect(await podman.ok(['image', 'inspect', '--format', '{{.Config.User}}', image])).toBe('1000:1000')
      expect(JSON.parse(await podman.ok(['run', '--rm', image, 'node', '-e', devFilesScript]))).toEqual([])
    })

    if (service === 'pets') {
      it('serves pets on its embedded database, then stops cleanly on SIGTERM', {
        timeout: minutes(2),
      }, async () => {
        const pets = await start(image)

        const ownerId = await addOwner(pets.baseUrl, 'Alice')
        const created = await postJson(`${pets.baseUrl}/pets`, { name: 'Rex', ownerId, species: 'dog' })
        expect(created.status).toBe(201)
        const pet = (await created.json()) as { id: string }
        const read = await fetch(`${pets.baseUrl}/pets/${pet.id}`)
        expect(read.status).toBe(200)
        expect(await read.json()).toMatchObject({ id: pet.id, name: 'Rex', species: 'dog' })

        await expectRunsAndStopsAsShipped(pets)
      })

      it.runIf(databaseUrl)(
        'applies its migrations on PostgreSQL and serves from there',
        { timeout: minutes(2) },
        async () => {
          const pets = await start(image, {
            hostNetwork: true,
            env: { DATABASE_URL: await privateSchemaUrl(databaseUrl ?? '') },
          })

          const bob = await addOwner(pets.baseUrl, 'Bob')
          const created = await postJson(`${pets.baseUrl}/pets`, {
            name: 'Tom',
            ownerId: bob,
            species: 'cat',
          })
          expect(created.status).toBe(201)
          const page = await fetch(`${pets.baseUrl}/owners/${bob}/pets`)
          expect(page.status).toBe(200)
          expect(await page.json()).toMatchObject({ items: [{ name: 'Tom', ownerId: bob, species: 'cat' }] })

          await expectRunsAndStopsAsShipped(pets)
        },
      )
    } else {
      it('predicts with the model it ships, then stops cleanly on SIGTERM', {
        timeout: minutes(2),
      }, async () => {
        const server = await start(image)

        const answer = await postJson(`${server.baseUrl}/predict`, {
          instances: [
            [5.1, 3.5, 1.4, 0.2],
            [6.7, 3.1, 4.4, 1.4],
          ],
        })
        expect(answer.status).toBe(200)
        const { predictions } = (await answer.json()) as { predictions: { class: string }[] }
        expect(predictions.map((prediction) => prediction.class)).toEqual(['setosa', 'versicolor'])

        await expectRunsAndStopsAsShipped(server)
      })
    }
  })
})
