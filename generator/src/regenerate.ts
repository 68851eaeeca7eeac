import { join } from 'node:path'
import { readAnatomyFile } from './anatomy-file.js'
import { addConsumer } from './commands/add-consumer.js'
import { addField } from './commands/add-field.js'
import { addGateway } from './commands/add-gateway.js'
import { addResource } from './commands/add-resource.js'
import { newService } from './commands/new-service.js'
import { overrideFoldersOf } from './template-overrides.js'

/**
 * Makes the service again, in `parent`, from the answers its .anatomy.json recorded: the same
 * `anatomy new`, then every `anatomy add resource` in order and every `anatomy add field` after
 * them in the order they were made, with the same migration names, then every `anatomy add
 * gateway` from the copy of the remote's document the service holds (the remote itself may not be
 * running), and every `anatomy add consumer`. What comes out is what the current template and generator write for that service.
 */
export async function regenerate(serviceDir: string, parent: string): Promise<string> {
  const record = readAnatomyFile(serviceDir)
  const { name, description } = record.service
  const overrides = overrideFoldersOf(serviceDir, record)
  await newService(name, {
    dir: parent,
    description,
    yes: true,
    install: false,
    quiet: true,
    recordBase: false,
    overrides,
    ...(record.templates ? { recordedTemplates: record.templates } : {}),
  })
  const service = join(parent, name)
  for (const resource of record.resources) {
    await addResource(resource.name, {
      fields: resource.fields,
      service,
      yes: true,
      quiet: true,
      migrationTimestamp: resource.migration.slice(0, 14),
      overrides,
    })
  }
  const addedFields = record.resources
    .flatMap((resource) =>
      (resource.addedFields ?? []).map((added) => ({ resource: resource.name, ...added })),
    )
    .sort((a, b) => a.migration.localeCompare(b.migration))
  for (const added of addedFields) {
    await addField(added.resource, added.field, {
      service,
      quiet: true,
      migrationTimestamp: added.migration.slice(0, 14),
    })
  }
  for (const gateway of record.gateways ?? []) {
    await addGateway(gateway.name, {
      openapi: join(serviceDir, 'src/clients/http', gateway.remote, 'openapi.json'),
      remote: gateway.remote,
      ...(gateway.operations ? { operations: gateway.operations.join(',') } : {}),
      recordedOpenapi: gateway.openapi,
      service,
      yes: true,
      quiet: true,
    })
  }
  for (const consumer of record.consumers ?? []) {
    await addConsumer(consumer.name, {
      useCase: consumer.useCase,
      service,
      yes: true,
      quiet: true,
      overrides,
    })
  }
  return service
}
