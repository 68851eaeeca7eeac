import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  LogController,
  type RawServerDefault,
} from 'fastify'
import type { Registry } from 'prom-client'
import { type ProblemExtension, problemSchema } from '../resources/problem.schema.js'
import { activeTraceIds } from '../telemetry/trace-context.js'
import { type AuthenticationOptions, registerAuthentication } from './authentication.js'
import { refuseWhileClosing } from './closing.js'
import { documentCommonProblems } from './common-problems.js'
import { registerMetrics } from './metrics.js'
import { type ApiDescription, registerOpenApi, serveAsyncApi } from './openapi.js'
import { problemAnswer, registerProblemHandlers } from './problems.js'
import { type ProtectionOptions, registerProtection } from './protection.js'
import { registerRequestContext } from './request-context.js'
import { registerRequestTimeout } from './request-timeout.js'
import { validatorCompiler } from './validation.js'

export type Server = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>

export interface ServerOptions extends ProtectionOptions {
  readonly logLevel: string
  /** Fastify's line as each request comes in and as it is answered, at info level. */
  readonly logRequests: boolean
  readonly bodyLimitBytes: number
  /** A request not answered in this time gets a 503. */
  readonly requestTimeoutMs: number
  /** Behind a load balancer: take the client address from X-Forwarded-For. */
  readonly trustProxy: boolean
  readonly api: ApiDescription
  /** Where request metrics go, and what GET /metrics shows. */
  readonly metrics: Registry
  /** Members every problem answer carries for clients of the service's own. */
  readonly problemExtension?: ProblemExtension
  /** The AsyncAPI document of the messages the service consumes and publishes, served at /docs/asyncapi.json. */
  readonly asyncApi?: object
  /** Bearer JWTs and the scopes of each route; undefined: every route open. */
  readonly authentication?: AuthenticationOptions
  /** Makes each request's id current (`currentRequestId`), for calls to other services to pass on. */
  readonly requestContext?: boolean
  /** Requests are traced: every log line carries the trace and span ids it was written in. */
  readonly tracing?: boolean
}

const requestIdHeader = 'x-request-id'
const acceptableRequestId = /^[\w.:-]{1,128}$/

/** A Fastify server with everything every resource relies on; resources are registered by the app. */
export async function createServer(options: ServerOptions): Promise<Server> {
  const answerWithProblem = problemAnswer(options.problemExtension)
  const server = Fastify({
    logger: { level: options.logLevel, mixin: options.tracing ? () => activeTraceIds() ?? {} : undefined },
    logController: new LogController({ disableRequestLogging: !options.logRequests }),
    bodyLimit: options.bodyLimitBytes,
    trustProxy: options.trustProxy,
    genReqId: requestIdOf,
    frameworkErrors: answerWithProblem,
    return503OnClosing: false,
  }).withTypeProvider<TypeBoxTypeProvider>()

  server.setValidatorCompiler(validatorCompiler)
  server.addSchema(problemSchema(options.problemExtension?.properties))
  server.addHook('onRequest', (request, reply, done) => {
    reply.header(requestIdHeader, request.id)
    done()
  })
  refuseWhileClosing(server)
  if (options.requestContext) registerRequestContext(server)
  registerRequestTimeout(server, options.requestTimeoutMs)
  registerProblemHandlers(server, answerWithProblem)
  documentCommonProblems(server, { rateLimited: options.rateLimitMax > 0 })
  registerAuthentication(server, options.api.title, options.authentication)
  await registerProtection(server, options)
  await registerOpenApi(server, options.api, { bearer: options.authentication !== undefined })
  if (options.asyncApi) serveAsyncApi(server, options.asyncApi)
  registerMetrics(server, options.metrics)
  return server
}

/** Keeps the caller's request id so one id follows a request across services. */
function requestIdOf(request: IncomingMessage): string {
  const incoming = request.headers[requestIdHeader]
  return typeof incoming === 'string' && acceptableRequestId.test(incoming) ? incoming : randomUUID()
}
