import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { type TypeBoxTypeProvider, TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox'
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  LogController,
  type RawServerDefault,
} from 'fastify'
import type { Registry } from 'prom-client'
import { Problem } from '../resources/problem.schema.js'
import { documentCommonProblems } from './common-problems.js'
import { registerMetrics } from './metrics.js'
import { type ApiDescription, registerOpenApi } from './openapi.js'
import { answerWithProblem, registerProblemHandlers } from './problems.js'
import { type ProtectionOptions, registerProtection } from './protection.js'
import { registerRequestTimeout } from './request-timeout.js'
import { sharedSerializers } from './serializers.js'

export type Server = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>

export interface ServerOptions extends ProtectionOptions {
  readonly logLevel: string
  readonly bodyLimitBytes: number
  /** A request not answered in this time gets a 503. */
  readonly requestTimeoutMs: number
  /** Behind a load balancer: take the client address from X-Forwarded-For. */
  readonly trustProxy: boolean
  readonly api: ApiDescription
  /** Where request metrics go, and what GET /metrics shows. */
  readonly metrics: Registry
}

const requestIdHeader = 'x-request-id'
const acceptableRequestId = /^[\w.:-]{1,128}$/

/** A Fastify server with everything every resource relies on; resources are registered by the app. */
export async function createServer(options: ServerOptions): Promise<Server> {
  const server = Fastify({
    logger: { level: options.logLevel },
    bodyLimit: options.bodyLimitBytes,
    trustProxy: options.trustProxy,
    genReqId: requestIdOf,
    frameworkErrors: answerWithProblem,
    schemaController: sharedSerializers,
    // One line per request, at debug level, rather than Fastify's two at info: a model server answers
    // thousands a second, and the platform in front of it (Vertex AI, KServe) keeps request logs of its own.
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<TypeBoxTypeProvider>()

  server.setValidatorCompiler(TypeBoxValidatorCompiler)
  server.addSchema(Problem)
  // Hooks with a callback rather than async: no promise to make and settle on every request.
  server.addHook('onRequest', (request, reply, done) => {
    reply.header(requestIdHeader, request.id)
    done()
  })
  server.addHook('onResponse', (request, reply, done) => {
    request.log.debug(
      {
        method: request.method,
        url: request.url,
        statusCode: reply.statusCode,
        responseTime: reply.elapsedTime,
      },
      'request completed',
    )
    done()
  })
  registerRequestTimeout(server, options.requestTimeoutMs)
  registerProblemHandlers(server)
  documentCommonProblems(server, { rateLimited: options.rateLimitMax > 0 })
  await registerProtection(server, options)
  await registerOpenApi(server, options.api)
  registerMetrics(server, options.metrics)
  return server
}

/** Keeps the caller's request id so one id follows a request across services. */
function requestIdOf(request: IncomingMessage): string {
  const incoming = request.headers[requestIdHeader]
  return typeof incoming === 'string' && acceptableRequestId.test(incoming) ? incoming : randomUUID()
}
