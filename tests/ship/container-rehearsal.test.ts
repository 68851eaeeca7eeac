import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseDockerfile } from '../support/dockerfile.js'
import { postgresUrl, privateSchemaUrl } from '../support/postgres.js'
import { type RehearsedImage, rehearse } from '../support/rehearsal.js'
import { repositoryRoot } from '../support/run.js'
import { startProcess, waitForStatus } from '../support/service-process.js'

const databaseUrl = postgresUrl()
const minutes = (n: number) => n * 60_000
/** Runs the command as the image's user when this runs as root, as the container would. */
const asImageUser = (image: RehearsedImage, command: readonly string[]) => {
  const [uid, gid = uid] = (image.user ?? '').split(':')
  const canSwitch = process.getuid?.() === 0 && uid && spawnSync('setpriv', ['--version']).status === 0
  return canSwitch
    ? ['setpriv', `--reuid=${uid}`, `--regid=${gid}`, '--clear-groups', ...command]
    : [...command]
}

const builds: { name: string; context: string; args: Record<string, string>; database: boolean }[] = [
  {
    name: 'examples/pets/Dockerfile',
    context: join(repositoryRoot, 'examples/pets'),
    args: {},
    database: true,
  },
  {
    name: 'the root Dockerfile with SERVICE=model-serving',
    context: repositoryRoot,
    args: { SERVICE: 'model-serving' },
    database: false,
  },
]

describe.each(builds)('$name, played without a container engine', ({ context, args, database }) => {
  let image: RehearsedImage

  beforeAll(async () => {
    const model = parseDockerfile(readFileSync(join(context, 'Dockerfile'), 'utf8'))
    image = await rehearse(model, context, args)
  }, minutes(4))
  afterAll(() => image?.remove())

  const start = async (env: Record<string, string>) => {
    const [command = '', ...rest] = asImageUser(image, image.command)
    // The port comes from startProcess, so tests can run side by side.
    const { PORT: _port, ...imageEnv } = image.env
    return startProcess(command, rest, join(image.root, image.workdir), { ...imageEnv, ...env })
  }

  it('holds only what the final stage copies, with no dev dependency', () => {
    const modules = join(image.root, image.workdir, 'node_modules')

    expect(() => readFileSync(join(modules, 'typescript/package.json'))).toThrow()
    expect(() => readFileSync(join(modules, 'vitest/package.json'))).toThrow()
    expect(() => readFileSync(join(image.root, image.workdir, 'src/main.ts'))).toThrow()
  })

  it('starts with its CMD, as its user, and becomes ready', {
    timeout: minutes(1),
  }, async () => {
    const service = await start({ DATABASE_URL: '' })
    try {
      expect(await waitForStatus(`${service.baseUrl}/health/ready`, 200, 30_000), service.output()).toBe(true)
    } finally {
      await service.stop()
    }
    expect(await service.exited).toBe(0)
  })

  // Only the pets image has a database to apply migrations to.
  if (database)
    it.runIf(databaseUrl)(
      'is ready on PostgreSQL, its migrations applied',
      { timeout: minutes(1) },
      async () => {
        const service = await start({ DATABASE_URL: await privateSchemaUrl(databaseUrl ?? '') })
        try {
          expect(await waitForStatus(`${service.baseUrl}/health/ready`, 200, 30_000), service.output()).toBe(
            true,
          )
          expect((await fetch(`${service.baseUrl}/pets?limit=1`)).status).toBe(200)
        } finally {
          await service.stop()
        }
      },
    )
})
