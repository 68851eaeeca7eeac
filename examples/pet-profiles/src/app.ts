import { createRequire } from 'node:module'
import { collectDefaultMetrics, Registry } from 'prom-client'
import { type Database, openDatabase } from './clients/database/database.js'
import { registerDatabaseMetrics } from './clients/database/database-metrics.js'
import { migrateToLatest } from './clients/database/migrator.js'
import { createRemoteClient } from './clients/http/remote-client.js'
import type { Config } from './config/load-config.js'
import type { DependencyProbe } from './domain/health/dependency-probe.port.js'
import { createDatabaseProbe } from './gateways/database.probe.js'
import { createPetDirectoryGateway } from './gateways/pet-directory.gateway.js'
import { connectBroker } from './messaging.js'
import { asyncApiDocument, type Messaging } from './queue/asyncapi.js'
import { healthResource } from './resources/health.resource.js'
import { profilesResource } from './resources/profiles.resource.js'
import { createHealthService } from './service/health.service.js'
import { createProfilesService } from './service/profiles.service.js'
import { tracedWhen } from './telemetry/traced.js'
import { currentRequestId } from './web/request-context.js'
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
    const messaging: Messaging = { exchange: config.broker.exchange, consumers: [], events: [] }

    const metrics = new Registry()
    collectDefaultMetrics({ register: metrics })
    registerDatabaseMetrics(metrics, database)
    const api = describeApi()
    const petsApi = createRemoteClient('pets', config.petsApi, { metrics, requestId: currentRequestId })
    const server = await createServer({
      ...config.http,
      logLevel: config.log.level,
      logRequests: config.log.requests,
      api,
      asyncApi: asyncApiDocument(api, messaging),
      authentication: config.authentication,
      metrics,
      requestContext: true,
      tracing: config.tracing.enabled,
    })
    server.addHook('onClose', () => petsApi.close())

    const probes: DependencyProbe[] = [createDatabaseProbe(database)]
    if (config.broker.url) {
      probes.push(
        connectBroker({ name: api.title, server, database, metrics, settings: config.broker, messaging }),
      )
    }
    await server.register(healthResource(traced('health', createHealthService(probes, config.health))))
    await server.register(
      profilesResource(traced('profiles', createProfilesService(createPetDirectoryGateway(petsApi)))),
    )

    if (!dependencies.database) server.addHook('onClose', () => database.close())
    return server
  } catch (error) {
    if (!dependencies.database) await database.close()
    throw error
  }
}

function describeApi() {
  const { name, version, description } = createRequire(import.meta.url)('../package.json') as Record<
    string,
    string
  >
  return { title: name ?? 'service', version: version ?? '0.0.0', description: description ?? '' }
}
