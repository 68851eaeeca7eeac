import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { temporaryFolder } from '../support/files.js'
import { postgresUrl, privateSchemaUrl } from '../support/postgres.js'
import { readmeShellBlocks } from '../support/readme.js'
import { type RunResult, repositoryRoot, run } from '../support/run.js'
import { startProcess, waitForStatus } from '../support/service-process.js'

const databaseUrl = postgresUrl()
const minutes = (n: number) => n * 60_000
const [install = [], quickStart = []] = readmeShellBlocks()

/**
 * A newcomer's first hour, as the README tells it: the CLI packed and installed into a prefix of
 * its own, then the quick start typed into a shell in an empty folder, where `anatomy` is found in
 * that prefix alone. The service it makes is then held to everything anatomy promises.
 */
describe("the README's quick start, run as written", () => {
  let home: string
  let service: string
  /**
   * A shell as the newcomer's: their HOME, the installed CLI and node on the PATH, no DATABASE_URL
   * (they have no server), and npm's cache shared with the run so installs stay quick.
   */
  let shellEnv: Record<string, string | undefined>
  const inService = (command: string, args: string[], env: Record<string, string | undefined> = {}) =>
    run(command, args, { cwd: service, env: { ...shellEnv, ...env } })

  beforeAll(async () => {
    home = await temporaryFolder('anatomy-home-')
    const prefix = join(home, '.npm-global')
    shellEnv = {
      HOME: home,
      PATH: [join(prefix, 'bin'), dirname(process.execPath), '/usr/bin', '/bin'].join(':'),
      DATABASE_URL: undefined,
      npm_config_cache: npmCache(),
    }
    // The first two lines are how this checkout came to be: cloned, and installed.
    expect(install.slice(0, 2)).toEqual(['git clone <repository-url> anatomy && cd anatomy', 'npm install'])
    const tarball = join(repositoryRoot, packedName(install))
    afterAll(() => rm(tarball, { force: true }))
    for (const line of install.slice(2)) {
      await expectSuccess(run('bash', ['-c', line], { env: { ...shellEnv, npm_config_prefix: prefix } }))
    }
    expect(existsSync(join(prefix, 'bin/anatomy'))).toBe(true)

    const folder = join(home, 'empty')
    await mkdir(folder)
    expect(quickStart.at(-1)).toBe('npm run dev')
    const script = ['set -e', ...quickStart.slice(0, -1), 'pwd'].join('\n')
    const typed = await run('bash', ['-c', script], { cwd: folder, env: shellEnv })
    await expectSuccess(Promise.resolve(typed))
    service = typed.stdout.trim().split('\n').at(-1) ?? ''
    expect(service).toBe(join(home, 'code/shop'))
  }, minutes(6))

  it('answers on npm run dev, and a second start keeps a pet written by the first', {
    timeout: minutes(2),
  }, async () => {
    const first = await startProcess('npm', ['run', 'dev'], service, { ...shellEnv })
    let id: string
    try {
      expect(await waitForStatus(`${first.baseUrl}/health/ready`, 200, minutes(1)), first.output()).toBe(true)
      const created = await fetch(`${first.baseUrl}/pets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Rex', species: 'dog' }),
      })
      expect(created.status, await created.clone().text()).toBe(201)
      id = ((await created.json()) as { id: string }).id
    } finally {
      await first.stop()
    }

    const second = await startProcess('npm', ['run', 'dev'], service, { ...shellEnv })
    try {
      expect(await waitForStatus(`${second.baseUrl}/health/ready`, 200, minutes(1)), second.output()).toBe(
        true,
      )
      const kept = await fetch(`${second.baseUrl}/pets/${id}`)
      expect(kept.status).toBe(200)
      expect(await kept.json()).toMatchObject({ id, name: 'Rex', species: 'dog' })
    } finally {
      await second.stop()
    }
  })

  it('tells, in its own README, how to reach the generator', async () => {
    const readme = await readFile(join(service, 'README.md'), 'utf8')

    expect(readme).toContain('npm install -g ./anatomy-<version>.tgz')
    expect(readme).toContain('anatomy add resource')
  })

  it('typechecks and lints clean', { timeout: minutes(2) }, async () => {
    await expectSuccess(inService('npm', ['run', 'typecheck']))
    await expectSuccess(inService('npm', ['run', 'lint']))
  })

  it(`passes its own tests, on PGlite${databaseUrl ? ' and on PostgreSQL, skipping none' : ''}`, {
    timeout: minutes(3),
  }, async () => {
    const tested = await inService('npm', ['test'], { DATABASE_URL: databaseUrl })

    await expectSuccess(Promise.resolve(tested))
    expect(tested.stdout).toMatch(/pets\.resource\.test\.ts/)
    // Without a server, the PostgreSQL tests are rightly skipped; with one, none may be.
    if (databaseUrl) expect(tested.stdout).not.toMatch(/skipped/)
  })

  it('documents the five pet operations and answers an unknown pet with 404 problem+json', {
    timeout: minutes(2),
  }, async () => {
    const started = await startProcess('npm', ['start'], service, {
      ...shellEnv,
      PGLITE_DATA_DIR: 'memory://',
    })
    try {
      expect(await waitForStatus(`${started.baseUrl}/health/ready`, 200, minutes(1)), started.output()).toBe(
        true,
      )
      const document = (await (await fetch(`${started.baseUrl}/docs/json`)).json()) as {
        paths: Record<string, Record<string, { operationId?: string }>>
      }
      const operations = Object.values(document.paths).flatMap((path) =>
        Object.values(path).map((operation) => operation.operationId),
      )
      const missing = await fetch(`${started.baseUrl}/pets/0195d6c2-0000-7000-8000-000000000001`)

      expect(operations.filter((id) => id?.toLowerCase().includes('pet')).sort()).toEqual([
        'addPet',
        'deletePet',
        'getPet',
        'listPets',
        'updatePet',
      ])
      expect(missing.status).toBe(404)
      expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      expect(await missing.json()).toMatchObject({ status: 404, code: 'PET.NOT_FOUND' })
    } finally {
      await started.stop()
    }
  })

  it.runIf(databaseUrl)(
    'is ready on PostgreSQL after npm start with DATABASE_URL',
    {
      timeout: minutes(2),
    },
    async () => {
      const url = await privateSchemaUrl(databaseUrl ?? '')
      const started = await startProcess('npm', ['start'], service, { ...shellEnv, DATABASE_URL: url })
      try {
        expect(
          await waitForStatus(`${started.baseUrl}/health/ready`, 200, minutes(1)),
          started.output(),
        ).toBe(true)
        expect((await fetch(`${started.baseUrl}/pets?limit=1`)).status).toBe(200)
      } finally {
        await started.stop()
      }
    },
  )

  it('refuses to start on a bad PORT, with exit code 1 and a message naming it', {
    timeout: minutes(1),
  }, async () => {
    const started = await startProcess('npm', ['start'], service, { ...shellEnv, PORT: 'abc' })

    expect(await started.exited).toBe(1)
    expect(started.output()).toMatch(/invalid configuration: PORT: must be an integer/)
  })

  it('fails its own tests when a domain file imports fastify', { timeout: minutes(1) }, async () => {
    const domainFile = join(service, 'src/domain/errors.ts')
    const original = await readFile(domainFile, 'utf8')
    await writeFile(domainFile, `import 'fastify'\n${original}`)
    try {
      const { code, stdout, stderr } = await inService('npm', ['test', '--', 'test/architecture'])
      expect(code).not.toBe(0)
      expect(stdout + stderr).toMatch(/src\/domain\/errors\.ts -> .*fastify.* breaks domain-is-pure/)
    } finally {
      await writeFile(domainFile, original)
    }
  })
})

/** The tarball `npm pack` writes, as the README's install line names it. */
function packedName(lines: readonly string[]): string {
  const named = lines.join('\n').match(/npm install -g \.\/(anatomy-[\d.]+\.tgz)/)?.[1]
  if (!named) throw new Error('the README installs no packed anatomy-<version>.tgz')
  return named
}

/** npm's cache of the user running the tests, so the newcomer's HOME does not start an empty one. */
function npmCache(): string {
  return spawnSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).stdout.trim()
}

async function expectSuccess(result: Promise<RunResult>): Promise<void> {
  const { code, stdout, stderr } = await result
  expect(code, `${stdout}\n${stderr}`).toBe(0)
}
