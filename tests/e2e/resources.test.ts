import { beforeAll, describe, expect, it } from 'vitest'
import { postgresUrl } from '../support/postgres.js'
import { run, runAnatomy } from '../support/run.js'
import { generatedService } from '../support/service-folder.js'

const databaseUrl = postgresUrl()

/** Every field type, optional and required, across several resources of one service. */
const resources = [
  ['pet-owner', 'name:string,email:string?,notes:text?,born:date,lastSeen:datetime?,rank:integer?'],
  ['person', 'bio:text,weightKg:number,vip:boolean,badge:uuid?,tier:enum(gold|silver|bronze)'],
  ['category', 'parent:uuid?,colour:enum(red|green)?,since:datetime,score:number?,active:boolean?'],
]

describe('a service after any number of resources', () => {
  let service: string
  const inService = (command: string, ...args: string[]) =>
    run(command, args, { cwd: service, env: { DATABASE_URL: databaseUrl } })

  beforeAll(async () => {
    service = await generatedService()
    for (const [name, fields] of resources) {
      const added = await runAnatomy([
        'add',
        'resource',
        name ?? '',
        '--fields',
        fields ?? '',
        '--service',
        service,
        '--yes',
      ])
      expect(added.code, added.stderr).toBe(0)
    }
  }, 120_000)

  it('typechecks', async () => {
    const { code, stdout } = await inService('npx', 'tsc', '--noEmit')
    expect(code, stdout).toBe(0)
  })

  it('lints clean', async () => {
    const { code, stdout, stderr } = await inService('npx', 'biome', 'check', '.')
    expect(code, stdout + stderr).toBe(0)
  })

  it(`passes its own tests, on PGlite${databaseUrl ? ' and on PostgreSQL, skipping none' : ''}`, {
    timeout: 180_000,
  }, async () => {
    const { code, stdout, stderr } = await inService('npx', 'vitest', 'run')
    expect(code, stdout + stderr).toBe(0)
    expect(stdout).toMatch(/Tests\s+\d+ passed/)
    // Without a server, the PostgreSQL tests are rightly skipped; with one, none may be.
    if (databaseUrl) expect(stdout).not.toMatch(/skipped/)
  })
})
