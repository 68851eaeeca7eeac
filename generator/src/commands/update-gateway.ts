import { cp } from 'node:fs/promises'
import { isAbsolute, join, resolve } from 'node:path'
import { anatomyFileName, readAnatomyFile, serializeAnatomyFile } from '../anatomy-file.js'
import { describeChanges, type PlannedFile, writeChanges } from '../change-set.js'
import { remoteClientFiles } from '../gateway/gateway-files.js'
import { gatewayModelOf, gatewayNamesOf, remoteNamesOf } from '../gateway/gateway-model.js'
import { loadRemoteDocument } from '../gateway/remote-document.js'
import { assertTypesOf, generateRemoteTypes } from '../gateway/remote-types.js'
import { alsoOnBase } from '../update/keep-base.js'
import { UsageError } from '../usage-error.js'
import { recordedSource, sourceFromCwd } from './add-gateway.js'

export interface UpdateGatewayOptions {
  readonly openapi?: string
  readonly service: string
  readonly dryRun?: boolean
  readonly quiet?: boolean
}

/**
 * `anatomy update-gateway <name>`: the remote's document read again (from where it was, or from
 * --openapi), and its types, checks and operations made anew. The port, the gateway and the
 * tests are the service's and stay as they are: where the remote changed, the typecheck then
 * fails in the gateway's mapping, at the field or status that moved.
 */
export async function updateGateway(name: string, options: UpdateGatewayOptions): Promise<void> {
  const service = resolve(options.service)
  const anatomy = readAnatomyFile(service)
  const names = gatewayNamesOf(name)
  const record = (anatomy.gateways ?? []).find((gateway) => gateway.name === names.kebab)
  if (!record) {
    const known = (anatomy.gateways ?? []).map((gateway) => gateway.name).join(', ') || 'none'
    throw new UsageError(`the service has no gateway "${names.kebab}" (it has: ${known})`)
  }
  const source = options.openapi ?? record.openapi
  // Given now, a file is where the command runs; recorded, it is relative to the service.
  const readFrom = options.openapi !== undefined ? sourceFromCwd(source) : sourceIn(service, source)
  const document = await loadRemoteDocument(readFrom)
  const model = gatewayModelOf(names, remoteNamesOf(record.remote), document, undefined)
  const types = await generateRemoteTypes(document.document)
  assertTypesOf(model.operations, types)
  const plan: PlannedFile[] = remoteClientFiles(model, types).map((file) => ({
    ...file,
    change: 'made anew from the document',
  }))
  if (options.openapi !== undefined) {
    const gateways = (anatomy.gateways ?? []).map((gateway) =>
      gateway === record ? { ...gateway, openapi: recordedSource(service, options.openapi ?? '') } : gateway,
    )
    plan.push({
      path: anatomyFileName,
      content: serializeAnatomyFile({ ...anatomy, gateways }),
      change: `records where ${names.kebab}'s document is`,
    })
  }
  if (options.dryRun) {
    console.log(`anatomy update-gateway ${names.kebab} would write, in ${service}:\n${describeChanges(plan)}`)
    return
  }
  await writeChanges(service, plan)
  await alsoOnBase(service, async (base) => {
    for (const file of plan) await cp(join(service, file.path), join(base, file.path))
  })
  if (options.quiet) return
  console.log(`updated the ${model.remote.label}'s client: ${model.operations.length} operations`)
  console.log(
    "  next: npm run typecheck; where the remote changed, the errors point at the gateway's mapping",
  )
}

function sourceIn(service: string, source: string): string {
  return /^https?:\/\//i.test(source) || isAbsolute(source) ? source : join(service, source)
}
