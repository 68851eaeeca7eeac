import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { listFiles, temporaryFolder } from '../support/files.js'
import { run, runAnatomy, runInTerminal } from '../support/run.js'

describe('anatomy --help', () => {
  it.each([[[]], [['new']]])('documents %j with exit code 0', async (command) => {
    const { code, stdout } = await runAnatomy([...command, '--help'])

    expect(code).toBe(0)
    expect(stdout).toMatch(/^Usage: anatomy/)
  })

  it('documents the flags of new', async () => {
    const { stdout } = await runAnatomy(['new', '--help'])

    for (const flag of ['--dir', '--yes', '--no-install', '--description']) expect(stdout).toContain(flag)
  })
})

describe('anatomy new refuses, writing nothing', () => {
  let parent: string
  beforeAll(async () => {
    parent = await temporaryFolder()
  })

  it.each([
    ['Upper-Case', /capital letters/],
    ['has space', /URL-friendly/],
    ['@scope/svc', /without scope/],
    ['nested/svc', /without scope or slashes/],
    ['.hidden', /period/],
    ['_private', /underscore/],
    ['node_modules', /not a valid package name/],
    ['http', /core module/],
    ['a'.repeat(215), /214/],
    ['caf\u00e9', /URL-friendly/],
  ])('the name %j', async (name, reason) => {
    const { code, stderr } = await runAnatomy(['new', name, '--dir', parent, '--yes', '--no-install'])

    expect(code).toBe(2)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(reason)
    expect(await listFiles(parent)).toEqual([])
  })

  it('a missing name when nobody can be asked', async () => {
    const { code, stderr } = await runAnatomy(['new', '--dir', parent, '--no-install'])

    expect(code).toBe(2)
    expect(stderr).toMatch(/missing service name/)
    expect(await listFiles(parent)).toEqual([])
  })

  it('a target folder that is not empty, leaving what is there untouched', async () => {
    const occupied = join(parent, 'occupied')
    await mkdir(occupied)
    await writeFile(join(occupied, 'notes.txt'), 'mine')

    const { code, stderr } = await runAnatomy(['new', 'occupied', '--dir', parent, '--yes', '--no-install'])

    expect(code).toBe(2)
    expect(stderr).toMatch(/already exists and is not empty/)
    expect(await listFiles(occupied)).toEqual(['notes.txt'])
    expect(await readFile(join(occupied, 'notes.txt'), 'utf8')).toBe('mine')
  })

  it('a --dir that is a file', async () => {
    const file = join(parent, 'plain-file')
    await writeFile(file, '')

    const { code, stderr } = await runAnatomy(['new', 'svc', '--dir', file, '--yes', '--no-install'])

    expect(code).toBe(2)
    expect(stderr).toMatch(/is not a folder/)
  })

  it('an unknown flag', async () => {
    const { code, stderr } = await runAnatomy(['new', 'svc', '--dir', parent, '--colour'])

    expect(code).toBe(2)
    expect(stderr).toMatch(/unknown option/)
  })
})

describe('anatomy new <name> --yes --no-install', () => {
  let parent: string
  let service: string
  let templateFiles: string[]

  beforeAll(async () => {
    parent = await temporaryFolder()
    service = join(parent, 'pet-shop')
    templateFiles = (await run('git', ['ls-files', 'template'])).stdout
      .trim()
      .split('\n')
      .map((path) => path.replace(/^template\//, '').replace(/^_gitignore$/, '.gitignore'))
    const { code, stderr } = await runAnatomy([
      'new',
      'pet-shop',
      '--dir',
      parent,
      '--yes',
      '--no-install',
      '--description',
      'Sells "good" pets.',
    ])
    expect(stderr).toBe('')
    expect(code).toBe(0)
  })

  it('stamps out every file of the template, a record of how it was made, and of what it wrote', async () => {
    expect(await listFiles(service)).toEqual(
      [...templateFiles, '.anatomy.json', '.anatomy/base.json.gz'].sort(),
    )
  })

  it('names the package and describes it as asked', async () => {
    const pkg = JSON.parse(await readFile(join(service, 'package.json'), 'utf8'))

    expect(pkg).toMatchObject({ name: 'pet-shop', description: 'Sells "good" pets.' })
  })

  it('leaves no trace of the template name', async () => {
    for (const file of await listFiles(service)) {
      expect(await readFile(join(service, file), 'utf8'), file).not.toContain('service-template')
    }
  })

  it('records the template version and the answers in .anatomy.json', async () => {
    const root = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'))
    const record = JSON.parse(await readFile(join(service, '.anatomy.json'), 'utf8'))

    expect(record).toEqual({
      template: { name: 'anatomy', version: root.version },
      service: { name: 'pet-shop', description: 'Sells "good" pets.' },
      resources: [],
    })
  })
})

describe('anatomy new, interactively', () => {
  it('asks for what the flags did not say', async () => {
    const parent = await temporaryFolder()

    const { code, stdout } = await runInTerminal(
      `node generator/bin/anatomy.js new --dir ${parent} --no-install`,
      [
        [/Service name/, 'asked-svc\r'],
        [/What does it do/, 'Asked for.\r'],
      ],
    )

    expect(code, stdout).toBe(0)
    const record = JSON.parse(await readFile(join(parent, 'asked-svc', '.anatomy.json'), 'utf8'))
    expect(record.service).toEqual({ name: 'asked-svc', description: 'Asked for.' })
  })
})
