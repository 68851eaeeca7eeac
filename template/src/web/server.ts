import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  LogController,
  type RawServerDefault,
} from 'fastify'
import { Problem } from '../resources/problem.schema.js'
import { documentCommonProblems } from './common-problems.js'
import { type ApiDescription, registerOpenApi } from './openapi.js'
import { answerWithProblem, registerProblemHandlers } from './problems.js'
import { type ProtectionOptions, registerProtection } from './protection.js'
import { registerRequestTimeout } from './request-timeout.js'
import { sharedSerializers } from './serializers.js'
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
  readonly bodyLimitBytes: number
  /** A request not answered in this time gets a 503. */
  readonly requestTimeoutMs: number
  /** Behind a load balancer: take the client address from X-Forwarded-For. */
  readonly trustProxy: boolean
  readonly api: ApiDescription
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
    // One line per request, at debug level, rather than Fastify's two at info: writing them costs
    // more than many a request, and metrics count requests while the load balancer logs them too.
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<TypeBoxTypeProvider>()

  server.setValidatorCompiler(validatorCompiler)
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
  return server
}

/** Keeps the caller's request id so one id follows a request across services. */
function requestIdOf(request: IncomingMessage): string {
  const incoming = request.headers[requestIdHeader]
  return typeof incoming === 'string' && acceptableRequestId.test(incoming) ? incoming : randomUUID()
}
