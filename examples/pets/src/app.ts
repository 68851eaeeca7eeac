import { createRequire } from 'node:module'
import type { Kysely } from 'kysely'
import { collectDefaultMetrics, Registry } from 'prom-client'
import { type Database, openDatabase } from './clients/database/database.js'
import { registerDatabaseMetrics } from './clients/database/database-metrics.js'
import { migrateToLatest } from './clients/database/migrator.js'
import type { Tables } from './clients/database/tables.js'
import type { Config } from './config/load-config.js'
import type { DependencyProbe } from './domain/health/dependency-probe.port.js'
import { createDatabaseProbe } from './gateways/database.probe.js'
import { createInbox } from './gateways/inbox.gateway.js'
import { createEventOutbox } from './gateways/outbox.gateway.js'
import { createOwnersGateway } from './gateways/owners.gateway.js'
import { createPetsGateway } from './gateways/pets.gateway.js'
import { createTransactions } from './gateways/transactions.js'
import { adoptionRequestsConsumer } from './messages/adoption-requests.consumer.js'
import { petEvents } from './messages/pet-events.js'
import { connectBroker } from './messaging.js'
import { asyncApiDocument, type Messaging } from './queue/asyncapi.js'
import { healthResource } from './resources/health.resource.js'
import { ownersResource } from './resources/owners.resource.js'
import { petsResource } from './resources/pets.resource.js'
import { createHealthService } from './service/health.service.js'
import { createOwnersService } from './service/owners.service.js'
import { createPetsService } from './service/pets.service.js'
import { tracedWhen } from './telemetry/traced.js'
import { createServer, type Server } from './web/server.js'

export interface AppDependencies {
  /** A database opened by the caller (tests share one); the app then leaves closing it to them. */
  readonly database?: Database
}

/**
 * The composition root: clients -> gateways -> services -> resources, wired by hand.
 * This is the only place that knows every layer.
 */
export async function buildApp(config: Config, dependencies: AppDependencies = {}): Promise<Server> {
  const database = dependencies.database ?? (await openDatabase(config.database))
  try {
    if (config.database.migrateOnStart) await migrateToLatest(database.db)

    const traced = tracedWhen(config.tracing.enabled)
    const owners = traced('owners', createOwnersService(createOwnersGateway(database.db)))
    const pets = traced('pets', petsServiceOn(database.db))
    const messaging: Messaging = {
      exchange: config.broker.exchange,
      consumers: [
        adoptionRequestsConsumer(
          createTransactions(database.db, (transaction) => ({
            inbox: createInbox(transaction),
            pets: petsServiceOn(transaction),
          })),
          config.broker.queuePrefix,
        ),
      ],
      events: petEvents,
    }

    const metrics = new Registry()
    collectDefaultMetrics({ register: metrics })
    registerDatabaseMetrics(metrics, database)
    const api = describeApi()
    const server = await createServer({
      ...config.http,
      logLevel: config.log.level,
      logRequests: config.log.requests,
      api,
      asyncApi: asyncApiDocument(api, messaging),
      authentication: config.authentication,
      metrics,
      tracing: config.tracing.enabled,
    })

    const probes: DependencyProbe[] = [createDatabaseProbe(database)]
    if (config.broker.url) {
      probes.push(
        connectBroker({ name: api.title, server, database, metrics, settings: config.broker, messaging }),
      )
    }
    await server.register(healthResource(traced('health', createHealthService(probes, config.health))))
    await server.register(ownersResource(owners))
    await server.register(petsResource(pets))

    if (!dependencies.database) server.addHook('onClose', () => database.close())
    return server
  } catch (error) {
    if (!dependencies.database) await database.close()
    throw error
  }
}

/** The pets use cases on `db`: the pool, or a transaction that a message handler holds. */
function petsServiceOn(db: Kysely<Tables>) {
  return createPetsService(
    createPetsGateway(db),
    createOwnersGateway(db),
    createTransactions(db, (transaction) => ({
      pets: createPetsGateway(transaction),
      events: createEventOutbox(transaction),
    })),
  )
}

function describeApi() {
  const { name, version, description } = createRequire(import.meta.url)('../package.json') as Record<
    string,
    string
  >
  return { title: name ?? 'service', version: version ?? '0.0.0', description: description ?? '' }
}
