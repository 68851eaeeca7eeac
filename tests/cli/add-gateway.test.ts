import { readFile, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { temporaryFolder } from '../support/files.js'
import { anatomyBin, repositoryRoot, run, runAnatomy, runInTerminal } from '../support/run.js'
import { contentsOf, generatedService } from '../support/service-folder.js'

/** The pets service's document, as pet-profiles read it from the running service. */
const petsDocumentFile = join(repositoryRoot, 'examples/pet-profiles/src/clients/http/pets/openapi.json')
/** OpenAPI 3.0 in YAML: shared $ref parameters, allOf, oneOf, nullable, a header, a body that is not JSON. */
const inventoryDocumentFile = join(repositoryRoot, 'tests/cli/fixtures/inventory-3.0.yaml')

describe('anatomy add gateway', () => {
  let service: string
  let documents: string
  let yamlServer: ReturnType<typeof createServer>
  let yamlUrl: string
  const anatomy = (...args: string[]) => runAnatomy([...args, '--service', service])

  beforeAll(async () => {
    service = await generatedService()
    documents = await temporaryFolder()
    const document = JSON.parse(await readFile(petsDocumentFile, 'utf8'))
    // The same document served as YAML, as many remotes publish theirs.
    yamlServer = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/yaml' }).end(stringify(document))
    })
    await new Promise<void>((resolve) => yamlServer.listen(0, '127.0.0.1', resolve))
    yamlUrl = `http://127.0.0.1:${(yamlServer.address() as AddressInfo).port}/openapi.yaml`
    const added = await anatomy(
      'add',
      'gateway',
      'pet-directory',
      '--openapi',
      yamlUrl,
      '--operations',
      'getPet,listPets,addPet,deletePet',
      '--yes',
    )
    expect(added.code, added.stderr).toBe(0)
    expect(added.stdout).toContain('createPetDirectoryGateway(petsApi)')
    const second = await anatomy('add', 'gateway', 'stock', '--openapi', inventoryDocumentFile, '--yes')
    expect(second.code, second.stderr).toBe(0)
  }, 120_000)
  afterAll(() => new Promise<void>((resolve) => yamlServer?.close(() => resolve())))

  it('writes the typed calls, the port, the gateway, its fake and its tests, and records the answers', async () => {
    const record = JSON.parse(await readFile(join(service, '.anatomy.json'), 'utf8'))
    const port = await readFile(join(service, 'src/domain/pet-directory/pet-directory.port.ts'), 'utf8')

    expect(record.gateways.slice(0, 1)).toEqual([
      {
        name: 'pet-directory',
        remote: 'pets',
        openapi: yamlUrl,
        operations: ['getPet', 'listPets', 'addPet', 'deletePet'],
      },
    ])
    expect(port).toContain('export interface PetDirectory {')
    expect(port).toMatch(/getPet\(id: string\): Promise<Pet>/)
    expect(port).toMatch(/listPets\(query\?: ListPetsQuery\): Promise<PetPage>/)
    expect(port).toMatch(/addPet\(input: NewPet\): Promise<Pet>/)
    expect(port).toMatch(/deletePet\(id: string\): Promise<void>/)
    expect(port).not.toMatch(/from '/)
  })

  it("names the domain's types after the remote's components, and takes headers as one argument", async () => {
    const port = await readFile(join(service, 'src/domain/stock/stock.port.ts'), 'utf8')

    expect(port).toContain(
      'export type Item = ItemDraft & { id: number; updatedAt: string; location?: Location }',
    )
    expect(port).toContain("kind?: 'tool' | 'part' | number")
    expect(port).toContain('note?: string | null')
    expect(port).toMatch(/getItem\(itemId: number, headers: GetItemHeaders\): Promise<Item>/)
    expect(port).toMatch(/searchItems\(query: SearchItemsQuery\): Promise<Item\[\]>/)
    expect(port).not.toContain('uploadPhoto')
  })

  it('wires the client into app.ts, its settings into the config and its URL into the ConfigMap', async () => {
    const app = await readFile(join(service, 'src/app.ts'), 'utf8')
    const schema = await readFile(join(service, 'src/config/config.schema.ts'), 'utf8')
    const configMap = await readFile(join(service, 'deploy/k8s/configmap.yaml'), 'utf8')

    expect(app).toContain(
      "const petsApi = createRemoteClient('pets', config.petsApi, { metrics, requestId: currentRequestId })",
    )
    expect(app).toContain("server.addHook('onClose', () => petsApi.close())")
    expect(app).toContain("createRemoteClient('inventory-service', config.inventoryServiceApi,")
    expect(app).toContain('requestContext: true')
    expect(schema).toContain(
      "petsApi: remoteSettings('pets API', 'PETS_API', { baseUrl: 'http://pets:8080' })",
    )
    expect(configMap).toContain('PETS_API_URL: "http://pets:8080"')
  })

  it('leaves a service that compiles, lints and passes its tests, the gateway tests against a real server', {
    timeout: 180_000,
  }, async () => {
    const compiled = await run('npx', ['tsc', '--noEmit'], { cwd: service })
    const linted = await run('npx', ['biome', 'check', '.'], { cwd: service })
    const tested = await run('npx', ['vitest', 'run', 'test/gateways', 'test/config', 'test/architecture'], {
      cwd: service,
    })

    expect(compiled.code, compiled.stdout).toBe(0)
    expect(linted.code, linted.stdout + linted.stderr).toBe(0)
    expect(tested.code, tested.stdout + tested.stderr).toBe(0)
    expect(tested.stdout).toMatch(/pet-directory\.gateway\.test\.ts \(\d{2} tests\)/)
    expect(tested.stdout).toMatch(/stock\.gateway\.test\.ts \(\d{2} tests\)/)
  })

  it('refuses, writing nothing, what it cannot do', { timeout: 120_000 }, async () => {
    const notOpenApi = join(documents, 'not-openapi.json')
    await writeFile(notOpenApi, JSON.stringify({ swagger: '2.0', paths: {} }))
    const before = await contentsOf(service)
    const refusals: [args: string[], message: RegExp][] = [
      [['pet_directory!', '--openapi', petsDocumentFile], /invalid gateway name/],
      [['errors', '--openapi', petsDocumentFile], /reserved word/],
      [['owner-book'], /missing --openapi/],
      [['owner-book', '--openapi', join(documents, 'absent.json')], /cannot read the OpenAPI document/],
      [['owner-book', '--openapi', notOpenApi], /not an OpenAPI 3\.x document/],
      [
        ['owner-book', '--openapi', petsDocumentFile, '--operations', 'getPet,fly'],
        /no operation "fly"; it has: .*getOwner/,
      ],
      [['pet-directory', '--openapi', petsDocumentFile], /gateway "pet-directory" already exists/],
      [['owner-book', '--openapi', petsDocumentFile], /already has a client for "pets"/],
      [
        ['photos', '--openapi', inventoryDocumentFile, '--remote', 'photos', '--operations', 'uploadPhoto'],
        /operation "uploadPhoto" cannot be called: its body is image\/png, not JSON/,
      ],
    ]
    for (const [args, message] of refusals) {
      const refused = await anatomy('add', 'gateway', ...args, '--yes')
      expect(refused.code, args.join(' ')).toBe(2)
      expect(refused.stderr, args.join(' ')).toMatch(message)
    }
    expect(await contentsOf(service)).toEqual(before)
  })

  it('says what it would write on --dry-run, and writes nothing', async () => {
    const before = await contentsOf(service)
    const { code, stdout } = await anatomy(
      'add',
      'gateway',
      'owner-book',
      '--openapi',
      petsDocumentFile,
      '--remote',
      'owners',
      '--operations',
      'getOwner',
      '--dry-run',
    )

    expect(code).toBe(0)
    expect(stdout).toContain('create  src/clients/http/owners/types.gen.ts')
    expect(stdout).toContain('create  src/gateways/owner-book.gateway.ts')
    expect(stdout).toContain('change  src/app.ts')
    expect(await contentsOf(service)).toEqual(before)
  })
})

describe('anatomy update-gateway', () => {
  let service: string
  let document: string

  beforeAll(async () => {
    service = await generatedService()
    document = join(await temporaryFolder(), 'pets.json')
    await writeFile(document, await readFile(petsDocumentFile, 'utf8'))
    const added = await runAnatomy([
      'add',
      'gateway',
      'pet-directory',
      '--openapi',
      document,
      '--operations',
      'getPet',
      '--service',
      service,
      '--yes',
    ])
    expect(added.code, added.stderr).toBe(0)
  }, 120_000)

  it("makes the types anew from the remote's changed document; the typecheck then points at the mapping", {
    timeout: 120_000,
  }, async () => {
    const changed = JSON.parse(await readFile(document, 'utf8'))
    const pet = changed.paths['/pets/{id}'].get.responses['200'].content['application/json'].schema
    pet.properties.fullName = pet.properties.name
    delete pet.properties.name
    pet.required = pet.required.map((field: string) => (field === 'name' ? 'fullName' : field))
    changed.paths['/pets/{id}'].get.responses['410'] = { description: 'The pet has gone.' }
    await writeFile(document, JSON.stringify(changed))
    const gatewayBefore = await readFile(join(service, 'src/gateways/pet-directory.gateway.ts'), 'utf8')

    const updated = await runAnatomy(['update-gateway', 'pet-directory', '--service', service])
    const compiled = await run('npx', ['tsc', '--noEmit'], { cwd: service })

    expect(updated.code, updated.stderr).toBe(0)
    expect(await readFile(join(service, 'src/clients/http/pets/types.gen.ts'), 'utf8')).toContain(
      'fullName: string',
    )
    expect(await readFile(join(service, 'src/gateways/pet-directory.gateway.ts'), 'utf8')).toBe(gatewayBefore)
    expect(compiled.code).not.toBe(0)
    expect(compiled.stdout).toMatch(
      /src\/gateways\/pet-directory\.gateway\.ts\(\d+,\d+\): error TS2339: Property 'name' does not exist/,
    )
    expect(compiled.stdout).toMatch(
      /src\/gateways\/pet-directory\.gateway\.ts\(\d+,\d+\): error TS(7030|2366)/,
    )
  })

  it('refuses a gateway the service does not have', async () => {
    const refused = await runAnatomy(['update-gateway', 'owner-book', '--service', service])

    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('the service has no gateway "owner-book" (it has: pet-directory)')
  })

  it('asks for the name and the document when a terminal is attached and the flags did not say', async () => {
    const { code, stdout } = await runInTerminal(
      `node ${anatomyBin} add gateway --service ${service} --remote owners --operations getOwner`,
      [
        [/Port name/, 'owner-book\r'],
        [/OpenAPI 3\.x document/, `${petsDocumentFile}\r`],
      ],
    )

    expect(code, stdout).toBe(0)
    const record = JSON.parse(await readFile(join(service, '.anatomy.json'), 'utf8'))
    expect(record.gateways.map((gateway: { name: string }) => gateway.name)).toEqual([
      'pet-directory',
      'owner-book',
    ])
  })
})
