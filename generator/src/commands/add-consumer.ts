import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import {
  type AnatomyFile,
  anatomyFileName,
  type RecordedConsumer,
  readAnatomyFile,
  serializeAnatomyFile,
} from '../anatomy-file.js'
import { describeChanges, type PlannedFile, writeChanges } from '../change-set.js'
import {
  consumerFiles,
  consumerPaths,
  consumerWiring,
  sharedConsumerFiles,
} from '../consumer/consumer-files.js'
import { type ConsumerModel, consumerModelOf } from '../consumer/consumer-model.js'
import { checkedName } from '../gateway/gateway-model.js'
import { overrideFoldersOf } from '../template-overrides.js'
import { alsoOnBase } from '../update/keep-base.js'
import { UsageError } from '../usage-error.js'
import { WiringRefused } from '../wiring/wiring-refused.js'

export interface AddConsumerOptions {
  readonly useCase?: string
  readonly service: string
  readonly yes: boolean
  readonly dryRun?: boolean
  readonly quiet?: boolean
  /** Folders of template overrides, first match first (default: the service's own, then its team's). */
  readonly overrides?: readonly string[]
}

/**
 * `anatomy add consumer <name> --use-case <resource>.<operation>`: a handler of the queue
 * `<prefix>.<name>` that checks each message against the use case's schema and applies it once,
 * its test on the real broker, and its place in the composition root.
 */
export async function addConsumer(name: string | undefined, options: AddConsumerOptions): Promise<void> {
  const service = resolve(options.service)
  const anatomy = readAnatomyFile(service)
  const interactive = !options.yes && process.stdin.isTTY === true
  if (name !== undefined) checkedName(name, 'consumer')

  const { createPlop } = await import('../plop.js')
  const plop = await createPlop(service)
  const given =
    interactive && (name === undefined || options.useCase === undefined)
      ? ((await plop.getGenerator('consumer').runPrompts([name ?? '_', options.useCase ?? '_'])) as {
          name: string
          useCase: string
        })
      : {
          name: required(
            name,
            'consumer name: anatomy add consumer <name> --use-case <resource>.<operation>',
          ),
          useCase: required(options.useCase, '--use-case: the use case each message calls, like pets.addPet'),
        }
  const model = consumerModelOf(given.name, given.useCase, anatomy.resources)
  if ((anatomy.consumers ?? []).some((consumer) => consumer.name === model.kebab)) {
    throw new UsageError(`consumer "${model.kebab}" already exists in ${service}`)
  }
  refuseExisting(service, model)

  const overrides = options.overrides ?? overrideFoldersOf(service, anatomy)
  const plan: PlannedFile[] = [
    ...(await consumerFiles(model, overrides, (template, data) => plop.renderString(template, data))),
    ...(await missingSharedFiles(service)),
    await wiredAppFile(service, model),
    recorded(anatomy, { name: model.kebab, useCase: `${model.resource.entities}.${model.method}` }),
  ]
  if (options.dryRun) {
    console.log(`anatomy add consumer ${model.kebab} would write, in ${service}:\n${describeChanges(plan)}`)
    return
  }
  await writeChanges(service, plan)
  await alsoOnBase(service, (base) =>
    addConsumer(model.kebab, {
      useCase: `${model.resource.entities}.${model.method}`,
      service: base,
      yes: true,
      quiet: true,
      overrides,
    }),
  )
  if (options.quiet) return
  console.log(
    `added ${model.kebab}: messages on <AMQP_QUEUE_PREFIX>.${model.kebab} call ${model.method}, once each`,
  )
  console.log('  it runs when AMQP_URL is set; its test too (test/messages)')
}

function refuseExisting(service: string, model: ConsumerModel): void {
  for (const path of Object.values(consumerPaths(model))) {
    if (existsSync(join(service, path))) {
      throw new UsageError(`consumer "${model.kebab}" already exists: ${path} is there`)
    }
  }
}

async function missingSharedFiles(service: string): Promise<PlannedFile[]> {
  const { templateRoot } = await import('../paths.js')
  const missing = sharedConsumerFiles.filter((path) => !existsSync(join(service, path)))
  return Promise.all(
    missing.map(async (path) => ({ path, content: await readFile(join(templateRoot, path), 'utf8') })),
  )
}

async function wiredAppFile(service: string, model: ConsumerModel): Promise<PlannedFile> {
  const wiring = consumerWiring(model)
  const text = await readFile(join(service, wiring.path), 'utf8').catch(() => undefined)
  if (text === undefined) throw new WiringRefused(wiring.path, 'the file is missing', [wiring.change])
  return { path: wiring.path, content: wiring.apply(text), change: wiring.change }
}

function recorded(anatomy: AnatomyFile, consumer: RecordedConsumer): PlannedFile {
  const updated = { ...anatomy, consumers: [...(anatomy.consumers ?? []), consumer] }
  return { path: anatomyFileName, content: serializeAnatomyFile(updated), change: `records ${consumer.name}` }
}

function required(value: string | undefined, what: string): string {
  if (value === undefined) throw new UsageError(`missing ${what}`)
  return value
}
