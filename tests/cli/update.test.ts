import { cp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { changedAnatomy, type TemplateEdit } from '../support/changed-anatomy.js'
import { temporaryFolder } from '../support/files.js'
import { repositoryRoot, run, runAnatomy } from '../support/run.js'
import { contentsOf, generatedService } from '../support/service-folder.js'

/** The next release's template: a config key, a header on every answer, a dependency, a test. */
const nextRelease: TemplateEdit[] = [
  {
    path: 'template/src/config/server.settings.ts',
    edit: (text) =>
      text.replace(
        `      port: {`,
        `      keepAliveTimeoutMs: {
        doc: 'How long an idle keep-alive connection stays open.',
        format: 'positive-integer',
        default: 72_000,
        env: 'KEEP_ALIVE_TIMEOUT_MS',
      },
      port: {`,
      ),
  },
  {
    path: 'template/src/web/server.ts',
    edit: (text) =>
      text.replace(
        '    reply.header(requestIdHeader, request.id)\n',
        "    reply.header(requestIdHeader, request.id)\n    reply.header('cache-control', 'no-store')\n",
      ),
  },
  {
    path: 'template/package.json',
    edit: (text) => text.replace('"dependencies": {\n', '"dependencies": {\n    "ms": "^2.1.3",\n'),
  },
  {
    path: 'template/test/web/closing.test.ts',
    edit: (text) => `// Closing, as the next release tests it.\n${text}`,
  },
]

const git = (cwd: string, ...args: string[]) => run('git', args, { cwd })

/** A git work tree of its own for the service, everything committed, as a team has it. */
async function committed(service: string): Promise<void> {
  for (const args of [
    ['init', '-q'],
    ['add', '-A'],
    ['-c', 'user.name=test', '-c', 'user.email=test@example.com', 'commit', '-qm', 'as it is'],
  ]) {
    const done = await git(service, ...args)
    expect(done.code, done.stderr).toBe(0)
  }
}

describe('anatomy update and anatomy check', () => {
  let next: string
  const nextAnatomy = (...args: string[]) => run(process.execPath, [next, ...args])

  beforeAll(async () => {
    next = await changedAnatomy(nextRelease)
  }, 60_000)

  it('brings the next template into a copy of examples/pets, hand-grown code intact, and check is green after', {
    timeout: 120_000,
  }, async () => {
    const pets = join(await temporaryFolder(), 'pets')
    await cp(join(repositoryRoot, 'examples/pets'), pets, {
      recursive: true,
      filter: (source) => !/\/(node_modules|dist|\.data)(\/|$)/.test(source),
    })
    const recorded = await runAnatomy(['update', '--record-base', '--service', pets])
    expect(recorded.code, recorded.stderr).toBe(0)
    await committed(pets)
    const handGrown = await readFile(join(pets, 'src/service/pets.service.ts'), 'utf8')

    const behind = await nextAnatomy('check', '--service', pets)
    expect(behind.code).toBe(1)
    expect(behind.stdout).toContain('src/web/server.ts: changed in the template')
    const updated = await nextAnatomy('update', '--service', pets)
    expect(updated.code, updated.stdout + updated.stderr).toBe(0)

    expect(await readFile(join(pets, 'src/web/server.ts'), 'utf8')).toContain(
      "reply.header('cache-control', 'no-store')",
    )
    expect(await readFile(join(pets, 'src/config/server.settings.ts'), 'utf8')).toContain(
      'KEEP_ALIVE_TIMEOUT_MS',
    )
    expect(await readFile(join(pets, 'src/service/pets.service.ts'), 'utf8')).toBe(handGrown)
    expect(await readFile(join(pets, 'src/migrations/index.ts'), 'utf8')).toContain(
      'unique_pet_names_per_owner',
    )
    const manifest = JSON.parse(await readFile(join(pets, 'package.json'), 'utf8'))
    expect(manifest.dependencies).toMatchObject({
      ms: '^2.1.3',
      amqplib: expect.any(String),
      kysely: expect.any(String),
    })
    expect(manifest.name).toBe('pets')
    expect((await nextAnatomy('check', '--service', pets)).code).toBe(0)

    await symlink(join(repositoryRoot, 'node_modules'), join(pets, 'node_modules'), 'dir')
    const compiled = await run('npx', ['tsc', '--noEmit'], { cwd: pets })
    expect(compiled.code, compiled.stdout).toBe(0)
  })

  it('updates a service with several resources, a field and a consumer, which then passes its checks', {
    timeout: 180_000,
  }, async () => {
    const shop = await generatedService('shop')
    for (const args of [
      ['add', 'resource', 'person', '--fields', 'name:string', '--yes'],
      ['add', 'resource', 'visit', '--fields', 'at:datetime,guest:ref(person)', '--yes'],
      ['add', 'field', 'visit', 'notes:text?'],
      ['add', 'consumer', 'visit-bookings', '--use-case', 'visits.addVisit', '--yes'],
    ]) {
      const added = await runAnatomy([...args, '--service', shop])
      expect(added.code, added.stderr).toBe(0)
    }
    expect((await runAnatomy(['check', '--service', shop])).code).toBe(0)
    await committed(shop)

    const updated = await nextAnatomy('update', '--service', shop)
    expect(updated.code, updated.stdout + updated.stderr).toBe(0)
    expect(updated.stdout).not.toContain('src/app.ts')
    expect(updated.stdout).not.toContain('visits')

    expect((await nextAnatomy('check', '--service', shop)).code).toBe(0)
    const compiled = await run('npx', ['tsc', '--noEmit'], { cwd: shop })
    const linted = await run('npx', ['biome', 'check', '.'], { cwd: shop })
    const tested = await run('npx', ['vitest', 'run', 'test/web', 'test/resources', 'test/architecture'], {
      cwd: shop,
    })
    expect(compiled.code, compiled.stdout).toBe(0)
    expect(linted.code, linted.stdout + linted.stderr).toBe(0)
    expect(tested.code, tested.stdout + tested.stderr).toBe(0)
  })

  it('marks the lines both sides changed, exits non-zero naming the file, and loses nothing else', {
    timeout: 120_000,
  }, async () => {
    const shop = await generatedService('shop')
    const server = join(shop, 'src/web/server.ts')
    const mine = (await readFile(server, 'utf8')).replace(
      '    reply.header(requestIdHeader, request.id)\n',
      "    reply.header(requestIdHeader, request.id)\n    reply.header('x-served-by', 'shop')\n",
    )
    await writeFile(server, mine.replace('const requestIdHeader', '/** Ours. */\nconst requestIdHeader'))
    await rm(join(shop, 'test/web/closing.test.ts'))
    await writeFile(join(shop, 'src/web/extra.ts'), 'export const extra = 1\n')
    await committed(shop)

    const updated = await nextAnatomy('update', '--service', shop)

    expect(updated.code).toBe(1)
    expect(updated.stderr).toContain('conflicts to resolve in 1 file(s): src/web/server.ts')
    const merged = await readFile(server, 'utf8')
    expect(merged).toMatch(
      /<<<<<<< ours\n[\s\S]*x-served-by[\s\S]*\|\|\|\|\|\|\| base[\s\S]*=======\n[\s\S]*cache-control[\s\S]*>>>>>>> template/,
    )
    expect(merged).toContain('/** Ours. */')
    expect(await readFile(join(shop, 'src/config/server.settings.ts'), 'utf8')).toContain(
      'KEEP_ALIVE_TIMEOUT_MS',
    )
    expect(await readFile(join(shop, 'src/web/extra.ts'), 'utf8')).toBe('export const extra = 1\n')
    await expect(readFile(join(shop, 'test/web/closing.test.ts'))).rejects.toThrow()
    expect((await nextAnatomy('check', '--service', shop)).code).toBe(0)
  })

  it('refuses, writing nothing, a work tree with uncommitted changes; --dry-run writes nothing either', async () => {
    const shop = await generatedService('shop')
    await committed(shop)
    await writeFile(join(shop, 'notes.md'), 'work in progress\n')
    const before = await contentsOf(shop)

    const refused = await nextAnatomy('update', '--service', shop)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('uncommitted changes')
    const dryRun = await nextAnatomy('update', '--dry-run', '--service', shop)
    expect(dryRun.code).toBe(0)
    expect(dryRun.stdout).toContain('update    src/web/server.ts: changed in the template')
    expect(await contentsOf(shop)).toEqual(before)
  })

  it('uses the service’s own template overrides in new files and in updates', {
    timeout: 60_000,
  }, async () => {
    const shop = await generatedService('shop')
    const override = join(shop, '.anatomy/templates/resource/service.ts.hbs')
    await cp(join(repositoryRoot, 'generator/templates/resource/service.ts.hbs'), override)
    await writeFile(override, `// Reviewed by the platform team.\n${await readFile(override, 'utf8')}`)
    const added = await runAnatomy([
      'add',
      'resource',
      'pet',
      '--fields',
      'name:string',
      '--yes',
      '--service',
      shop,
    ])
    expect(added.code, added.stderr).toBe(0)
    await committed(shop)

    expect(await readFile(join(shop, 'src/service/pets.service.ts'), 'utf8')).toMatch(
      /^\/\/ Reviewed by the platform team\./,
    )
    const updated = await nextAnatomy('update', '--service', shop)
    expect(updated.code, updated.stderr).toBe(0)
    expect(updated.stdout).not.toContain('pets.service.ts')
    expect((await nextAnatomy('check', '--service', shop)).code).toBe(0)
  })
})
