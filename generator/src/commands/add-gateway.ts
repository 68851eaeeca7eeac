import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { isAbsolute, join, relative, resolve } from 'node:path'
import {
  type AnatomyFile,
  anatomyFileName,
  type RecordedGateway,
  readAnatomyFile,
  serializeAnatomyFile,
} from '../anatomy-file.js'
import { describeChanges, type PlannedFile, writeChanges } from '../change-set.js'
import { gatewayFiles, gatewayPaths, remoteClientFiles } from '../gateway/gateway-files.js'
import {
  type GatewayModel,
  gatewayModelOf,
  gatewayNamesOf,
  remoteNameFromTitle,
  remoteNamesOf,
} from '../gateway/gateway-model.js'
import { loadRemoteDocument } from '../gateway/remote-document.js'
import { assertTypesOf, generateRemoteTypes } from '../gateway/remote-types.js'
import { alsoOnBase } from '../update/keep-base.js'
import { UsageError } from '../usage-error.js'
import { addRemoteClient, addRemoteSettings, addRemoteToConfigMap } from '../wiring/remote-wiring.js'
import { WiringRefused } from '../wiring/wiring-refused.js'

export interface AddGatewayOptions {
  readonly openapi?: string
  readonly remote?: string
  readonly operations?: string
  readonly service: string
  readonly yes: boolean
  readonly dryRun?: boolean
  readonly quiet?: boolean
  /** Where .anatomy.json says the document is, when it was read from a copy (as regenerating does). */
  readonly recordedOpenapi?: string
}

/** Plumbing every gateway to a remote uses, copied into a service made before the template had it. */
export const sharedGatewayFiles = [
  'src/clients/http/remote-client.ts',
  'src/clients/http/remote-metrics.ts',
  'src/clients/http/remote-operation.ts',
  'src/clients/http/remote-settings.ts',
  'src/clients/http/remote-unavailable.ts',
  'src/config/remote.settings.ts',
  'src/gateways/remote-errors.ts',
  'src/web/request-context.ts',
  'test/support/unreliable-remote.ts',
]

/**
 * `anatomy add gateway <name> --openapi <file-or-url>`: the remote's typed operations, a port
 * named by what the domain needs, the gateway implementing it, a fake, tests, and the wiring.
 */
export async function addGateway(name: string | undefined, options: AddGatewayOptions): Promise<void> {
  const service = resolve(options.service)
  const anatomy = readAnatomyFile(service)
  const interactive = !options.yes && process.stdin.isTTY === true
  if (name !== undefined) gatewayNamesOf(name)
  if (options.remote !== undefined) remoteNamesOf(options.remote)
  const given =
    interactive && (name === undefined || options.openapi === undefined)
      ? await askForMissing(service, name, options.openapi)
      : {
          name: required(name, 'gateway name: anatomy add gateway <name> --openapi <file-or-url>'),
          openapi: required(options.openapi, "--openapi: the remote's OpenAPI document, a file or a URL"),
        }
  const names = gatewayNamesOf(given.name)
  if ((anatomy.gateways ?? []).some((gateway) => gateway.name === names.kebab)) {
    throw new UsageError(
      `gateway "${names.kebab}" already exists in ${service}; to follow a new document: anatomy update-gateway ${names.kebab}`,
    )
  }
  const document = await loadRemoteDocument(sourceFromCwd(given.openapi))
  const remote = remoteNamesOf(options.remote ?? remoteNameFromTitle(document.title))
  const operations = options.operations
    ?.split(',')
    .map((each) => each.trim())
    .filter((each) => each !== '')
  const model = gatewayModelOf(names, remote, document, operations)
  refuseExisting(service, model)

  const types = await generateRemoteTypes(document.document)
  assertTypesOf(model.operations, types)
  const record: RecordedGateway = {
    name: names.kebab,
    remote: remote.kebab,
    openapi: options.recordedOpenapi ?? recordedSource(service, given.openapi),
    ...(operations ? { operations } : {}),
  }
  const plan: PlannedFile[] = [
    ...remoteClientFiles(model, types),
    ...gatewayFiles(model),
    ...(await missingSharedFiles(service)),
    ...(await wiredFiles(service, model)),
    recorded(anatomy, record),
  ]
  if (options.dryRun) {
    console.log(`anatomy add gateway ${names.kebab} would write, in ${service}:\n${describeChanges(plan)}`)
    return
  }
  await writeChanges(service, plan)
  await alsoOnBase(service, (base) =>
    addGateway(names.kebab, {
      openapi: join(service, 'src/clients/http', remote.kebab, 'openapi.json'),
      remote: remote.kebab,
      ...(operations ? { operations: operations.join(',') } : {}),
      recordedOpenapi: record.openapi,
      service: base,
      yes: true,
      quiet: true,
    }),
  )
  if (options.quiet) return
  console.log(
    `added ${names.kebab}: the ${remote.label}'s ${model.operations.length} operations, a port of ${model.methods.length}`,
  )
  console.log(
    `  settings: ${remote.ENV}_URL (default ${remote.baseUrl}), ${remote.ENV}_TIMEOUT_MS and the rest`,
  )
  console.log(
    `  next: give create${names.Port}Gateway(${remote.setting}) to the service that needs it, in src/app.ts`,
  )
}

async function askForMissing(service: string, name: string | undefined, openapi: string | undefined) {
  const { createPlop } = await import('../plop.js')
  const plop = await createPlop(service)
  return (await plop.getGenerator('gateway').runPrompts([name ?? '_', openapi ?? '_'])) as {
    name: string
    openapi: string
  }
}

function refuseExisting(service: string, model: GatewayModel): void {
  const paths = gatewayPaths(model)
  if (existsSync(join(service, `src/clients/http/${model.remote.kebab}`))) {
    throw new UsageError(
      `the service already has a client for "${model.remote.kebab}" (src/clients/http/${model.remote.kebab}); name this remote otherwise with --remote`,
    )
  }
  for (const path of [paths.port, paths.errors, paths.gateway, paths.fake, paths.test]) {
    if (existsSync(join(service, path)))
      throw new UsageError(`gateway "${model.names.kebab}" already exists: ${path} is there`)
  }
}

async function missingSharedFiles(service: string): Promise<PlannedFile[]> {
  const { templateRoot } = await import('../paths.js')
  const planned: PlannedFile[] = []
  for (const path of sharedGatewayFiles) {
    if (!existsSync(join(service, path))) {
      planned.push({ path, content: await readFile(join(templateRoot, path), 'utf8') })
    }
  }
  return planned
}

async function wiredFiles(service: string, model: GatewayModel): Promise<PlannedFile[]> {
  const { remote } = model
  const wirings = [
    {
      path: 'src/config/config.schema.ts',
      change: `adds ${remote.setting}, read from ${remote.ENV}_*`,
      apply: addRemoteSettings,
    },
    {
      path: 'src/app.ts',
      change: `makes the ${remote.label}'s client, closed with the server`,
      apply: addRemoteClient,
    },
    { path: 'deploy/k8s/configmap.yaml', change: `sets ${remote.ENV}_URL`, apply: addRemoteToConfigMap },
  ]
  const planned: PlannedFile[] = []
  for (const wiring of wirings) {
    const text = await readFile(join(service, wiring.path), 'utf8').catch(() => undefined)
    if (text === undefined) throw new WiringRefused(wiring.path, 'the file is missing', [wiring.change])
    planned.push({ path: wiring.path, content: wiring.apply(text, remote), change: wiring.change })
  }
  return planned
}

function recorded(anatomy: AnatomyFile, gateway: RecordedGateway): PlannedFile {
  const updated = { ...anatomy, gateways: [...(anatomy.gateways ?? []), gateway] }
  return { path: anatomyFileName, content: serializeAnatomyFile(updated), change: `records ${gateway.name}` }
}

const isUrl = (source: string) => /^https?:\/\//i.test(source)

/** A file given on the command line is relative to where the command runs. */
export function sourceFromCwd(source: string): string {
  return isUrl(source) || isAbsolute(source) ? source : resolve(source)
}

/** A file is recorded relative to the service, so that `update-gateway` finds it from anywhere. */
export function recordedSource(service: string, source: string): string {
  return isUrl(source) ? source : relative(service, resolve(source)) || '.'
}

function required(value: string | undefined, what: string): string {
  if (value === undefined) throw new UsageError(`missing ${what}`)
  return value
}
