import { join } from 'node:path'
import type { PlannedFile } from '../change-set.js'
import { consumerTemplatesRoot } from '../paths.js'
import type { Wiring } from '../resource/resource-files.js'
import { generatorTemplate } from '../template-overrides.js'
import { registerConsumer } from '../wiring/consumer-wiring.js'
import type { ConsumerModel } from './consumer-model.js'

export const consumerPaths = (m: ConsumerModel) => ({
  source: `src/messages/${m.kebab}.consumer.ts`,
  test: `test/messages/${m.kebab}.consumer.test.ts`,
})

/** Plumbing every consumer uses, copied into a service made before the template had it. */
export const sharedConsumerFiles = [
  'src/clients/queue/broker.ts',
  'src/domain/events/inbox.port.ts',
  'src/domain/transactions.port.ts',
  'src/gateways/inbox.gateway.ts',
  'src/gateways/transactions.ts',
  'src/queue/applied-once.ts',
  'src/queue/consumer.ts',
  'src/queue/message-handler.ts',
  'src/queue/queue-metrics.ts',
  'src/queue/retry-topology.ts',
  'test/support/broker.ts',
]

/** The consumer and its test, rendered. */
export async function consumerFiles(
  m: ConsumerModel,
  overrides: readonly string[],
  render: (template: string, data: object) => string,
): Promise<PlannedFile[]> {
  const data = renderingOf(m)
  const paths = consumerPaths(m)
  const rendered = async (template: string) =>
    render(
      await generatorTemplate(overrides, `consumer/${template}`, join(consumerTemplatesRoot, template)),
      data,
    )
  return [
    { path: paths.source, content: await rendered('consumer.ts.hbs') },
    { path: paths.test, content: await rendered('consumer.test.ts.hbs') },
  ]
}

/** The consumer in `messaging.consumers`, on a transaction with the use cases and the inbox. */
export function consumerWiring(m: ConsumerModel): Wiring {
  const r = m.resource
  const gateways = [r, ...r.parents].map((resource) => `create${resource.Entities}Gateway(transaction)`)
  const entry = `${m.camel}Consumer(
    createTransactions(database.db, (transaction) => ({
      inbox: createInbox(transaction),
      ${r.entities}: create${r.Entities}Service(${gateways.join(', ')}),
    })),
    config.broker.queuePrefix,
  )`
  return {
    path: 'src/app.ts',
    change: `adds ${m.camel}Consumer to messaging.consumers in buildApp`,
    apply: (text) =>
      registerConsumer(text, {
        entry,
        imports: [
          { names: [`${m.camel}Consumer`], from: `./messages/${m.kebab}.consumer.js` },
          { names: ['createTransactions'], from: './gateways/transactions.js' },
          { names: ['createInbox'], from: './gateways/inbox.gateway.js' },
          { names: [`create${r.Entities}Service`], from: `./service/${r.kebabPlural}.service.js` },
          ...[r, ...r.parents].map((resource) => ({
            names: [`create${resource.Entities}Gateway`],
            from: `./gateways/${resource.kebabPlural}.gateway.js`,
          })),
        ],
      }),
  }
}

function renderingOf(m: ConsumerModel) {
  const r = m.resource
  const source = m.operation === 'update' ? 'changes' : 'message'
  const converted = r.convertedFields.map(
    (field) => `${field.name}: ${field.fromJson.replaceAll('body.', `${source}.`)}`,
  )
  const required = r.firstRequiredField?.name
  return {
    ...r,
    consumer: m,
    isAdd: m.operation === 'add',
    isUpdate: m.operation === 'update',
    isDelete: m.operation === 'delete',
    fromMessage: converted.length > 0 ? `{ ...${source}, ${converted.join(', ')} }` : source,
    invalidMessage: {
      add: required
        ? `{ ...new${r.Entity}, ${required}: undefined }`
        : `{ ...new${r.Entity}, unexpected: true }`,
      update: `{ id: 'not-a-uuid', changes: new${r.Entity} }`,
      delete: `{ id: 'not-a-uuid' }`,
    }[m.operation],
    invalidField: m.operation === 'add' ? (required ?? 'unexpected') : 'id',
  }
}
