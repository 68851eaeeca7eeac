import { createRequire } from 'node:module'
import { Type } from '@fastify/type-provider-typebox'
import { collectDefaultMetrics, Registry } from 'prom-client'
import type { Config } from './config/load-config.js'
import type { ModelStore } from './domain/model/model-store.port.js'
import { modelRepository } from './gateways/model-repository.gateway.js'
import { registerDriftGauges } from './gateways/prometheus-drift.gateway.js'
import {
  prometheusInferenceMetrics,
  registerModelReadiness,
} from './gateways/prometheus-inference-metrics.gateway.js'
import { healthResource } from './resources/health.resource.js'
import { kserveV1Resource } from './resources/kserve-v1.resource.js'
import { modelRepositoryResource } from './resources/model-repository.resource.js'
import { openInferenceResource } from './resources/open-inference.resource.js'
import type { ProblemExtension } from './resources/problem.schema.js'
import { sagemakerResource } from './resources/sagemaker.resource.js'
import { vertexResource } from './resources/vertex.resource.js'
import { createDriftMonitor } from './service/drift-monitor.service.js'
import { createHealthService } from './service/health.service.js'
import { createModelCatalog } from './service/model-catalog.service.js'
import { openModelRegistry } from './service/model-registry.service.js'
import { createPredictionService } from './service/prediction.service.js'
import { tracedWhen } from './telemetry/traced.js'
import { createServer, type Server } from './web/server.js'

export interface AppDependencies {
  /** Where models come from; the model repository folder of the config when absent. */
  readonly modelStore?: ModelStore
}

/**
 * The composition root: gateways -> services -> resources, wired by hand.
 * This is the only place that knows every layer.
 *
 * The app answers as soon as it is built; models load in the background, and the readiness routes
 * answer 503 until every one of them has loaded and answered a warm-up inference.
 */
export async function buildApp(config: Config, dependencies: AppDependencies = {}): Promise<Server> {
  const store = dependencies.modelStore ?? modelRepository(config.models.repository, config.models)
  const drift = createDriftMonitor(config.drift)
  const registry = await openModelRegistry(store, config.models.selection, {
    traffic: config.models.traffic,
    onUnloaded: drift.forget,
  })

  const metrics = new Registry()
  collectDefaultMetrics({ register: metrics })

  const traced = tracedWhen(config.tracing.enabled)
  registerDriftGauges(metrics, drift.measures)
  registerModelReadiness(metrics, () =>
    registry
      .names()
      .flatMap((name) =>
        registry
          .versionsOf(name)
          .map(({ version, state }) => ({ model: name, version, ready: state.status === 'ready' })),
      ),
  )
  const health = traced('health', createHealthService(registry.probes(), config.health))
  const catalog = createModelCatalog(registry)
  const inference = traced(
    'inference',
    createPredictionService(
      registry,
      prometheusInferenceMetrics(metrics),
      { ...config.batching, maxInstancesPerRequest: config.models.maxInstancesPerRequest },
      drift,
    ),
  )

  const api = describeApi()
  const server = await createServer({
    ...config.http,
    logLevel: config.log.level,
    logRequests: config.log.requests,
    api,
    metrics,
    problemExtension: detailAsError,
    tracing: config.tracing.enabled,
    // What SageMaker, KServe and Vertex AI probe, besides /health/*: never rate limited.
    probePaths: ['/ping', '/v2/health/live', '/v2/health/ready', config.vertex.healthRoute],
  })
  const { maxInstancesPerRequest } = config.models
  // Vertex AI routes last: the paths it names may be ones another protocol serves already.
  await server.register(kserveV1Resource(inference, catalog, { maxInstancesPerRequest }))
  await server.register(
    openInferenceResource(inference, catalog, health, { serverName: api.title, serverVersion: api.version }),
  )
  await server.register(modelRepositoryResource(registry, { control: config.models.control }))
  await server.register(sagemakerResource(inference, health, { maxInstancesPerRequest }))
  await server.register(
    vertexResource(inference, { predictRoute: config.vertex.predictRoute, maxInstancesPerRequest }),
  )
  await server.register(healthResource(health, { summaryPaths: ['/health', config.vertex.healthRoute] }))
  server.addHook('onClose', () => registry.close())

  void registry.load().then((versions) => {
    for (const { name, version, state } of versions) {
      if (state.status === 'failed')
        server.log.error({ model: name, version, reason: state.reason }, 'model failed to load')
      else server.log.info({ model: name, version }, 'model loaded and warmed up')
    }
  })
  return server
}

/** KServe and Open Inference Protocol clients look for what went wrong in `error`. */
const detailAsError: ProblemExtension = {
  properties: {
    error: Type.String({
      description: 'The detail again, where KServe and Open Inference Protocol clients look.',
    }),
  },
  membersOf: (problem) => ({ error: problem.detail }),
}

function describeApi() {
  const { name, version, description } = createRequire(import.meta.url)('../package.json') as Record<
    string,
    string
  >
  return { title: name ?? 'service', version: version ?? '0.0.0', description: description ?? '' }
}
