import type { FastifyPluginAsyncTypebox, Static } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { HealthService } from '../service/health.service.js'
import type { ModelCatalog } from '../service/model-catalog.service.js'
import type { PredictionService } from '../service/prediction.service.js'
import { modelVersionHeader } from './model-version-header.js'
import {
  InferBody,
  InferResult,
  ModelMetadata,
  ModelParams,
  ModelReadiness,
  ServerLiveness,
  ServerMetadata,
  ServerReadiness,
  VersionParams,
} from './open-inference.schema.js'
import { serializeWithJsonStringify } from './predict.schema.js'
import { problemResponses } from './problem.schema.js'

export interface OpenInferenceOptions {
  readonly serverName: string
  readonly serverVersion: string
}

const tags = ['Open Inference Protocol (KServe V2)']
const modelPath = '/v2/models/:name'
const versionPath = '/v2/models/:name/versions/:version'

function readinessResponses<Schema extends object>(schema: Schema) {
  return {
    200: { description: 'Loaded and warmed up.', ...schema },
    503: { description: 'Still loading, or failed to load.', ...schema },
  }
}

const metadataSchema = <Params>(params: Params) => ({
  tags,
  summary: 'Model metadata: versions, inputs and outputs',
  params,
  response: { 200: ModelMetadata, ...problemResponses(404, 503) },
})

const readySchema = <Params>(params: Params) => ({
  tags,
  summary: 'Whether the model is ready',
  params,
  response: { ...readinessResponses(ModelReadiness), ...problemResponses(404) },
})

const inferSchema = <Params>(params: Params) => ({
  tags,
  summary: 'Inference on typed tensors',
  params,
  body: InferBody,
  response: { 200: InferResult, ...problemResponses(400, 404, 413, 503) },
})

/**
 * The Open Inference Protocol (KServe V2, Triton): server health and metadata, and per model its
 * metadata, readiness and inference on typed tensors; the latest version, or one named in the path.
 */
export function openInferenceResource(
  inference: PredictionService,
  catalog: ModelCatalog,
  health: HealthService,
  options: OpenInferenceOptions,
): FastifyPluginAsyncTypebox {
  function metadata(name: string, version?: string): Static<typeof ModelMetadata> {
    const model = catalog.describe(name, version)
    return {
      name: model.name,
      versions: model.versions.map(String),
      platform: 'onnxruntime_onnx',
      inputs: model.signature.inputs.map(({ name, datatype, shape }) => ({
        name,
        datatype,
        shape: [...shape],
      })),
      outputs: model.signature.outputs.map(({ name, datatype, shape }) => ({
        name,
        datatype,
        shape: [...shape],
      })),
    }
  }

  function readiness(name: string, version?: string) {
    const { ready } = catalog.status(name, version)
    return { statusCode: ready ? (200 as const) : (503 as const), body: { name, ready } }
  }

  async function infer(
    request: FastifyRequest,
    reply: FastifyReply,
    body: Static<typeof InferBody>,
    name: string,
    version?: string,
  ) {
    const result = await inference.infer({
      model: name,
      version,
      routingKey: request.id,
      inputs: body.inputs,
      outputs: body.outputs?.map((output) => output.name),
    })
    reply.header(modelVersionHeader, result.version)
    return {
      model_name: result.model,
      model_version: String(result.version),
      ...(body.id === undefined ? {} : { id: body.id }),
      outputs: result.outputs,
    }
  }

  return async function openInferenceRoutes(app) {
    app.get(
      '/v2/health/live',
      { schema: { tags, summary: 'The server is live', response: { 200: ServerLiveness } } },
      async () => ({ live: true }),
    )
    app.get(
      '/v2/health/ready',
      { schema: { tags, summary: 'Every model is ready', response: readinessResponses(ServerReadiness) } },
      async (_request, reply) => {
        const { ready } = await health.readiness()
        return reply.status(ready ? 200 : 503).send({ ready })
      },
    )
    app.get(
      '/v2',
      { schema: { tags, summary: 'Server metadata', response: { 200: ServerMetadata } } },
      async () => ({ name: options.serverName, version: options.serverVersion, extensions: [] }),
    )

    app.get(modelPath, { schema: metadataSchema(ModelParams) }, async ({ params }) => metadata(params.name))
    app.get(versionPath, { schema: metadataSchema(VersionParams) }, async ({ params }) =>
      metadata(params.name, params.version),
    )

    app.get(`${modelPath}/ready`, { schema: readySchema(ModelParams) }, async ({ params }, reply) => {
      const { statusCode, body } = readiness(params.name)
      return reply.status(statusCode).send(body)
    })
    app.get(`${versionPath}/ready`, { schema: readySchema(VersionParams) }, async ({ params }, reply) => {
      const { statusCode, body } = readiness(params.name, params.version)
      return reply.status(statusCode).send(body)
    })

    app.post(
      `${modelPath}/infer`,
      { schema: inferSchema(ModelParams), serializerCompiler: serializeWithJsonStringify },
      async (request, reply) => infer(request, reply, request.body, request.params.name),
    )
    app.post(
      `${versionPath}/infer`,
      { schema: inferSchema(VersionParams), serializerCompiler: serializeWithJsonStringify },
      async (request, reply) =>
        infer(request, reply, request.body, request.params.name, request.params.version),
    )
  }
}
