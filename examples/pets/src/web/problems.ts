import { STATUS_CODES } from 'node:http'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { DomainError, type DomainErrorKind } from '../domain/errors.js'
import { type ProblemBasics, type ProblemExtension, ProblemMediaType } from '../resources/problem.schema.js'
import { activeTraceIds } from '../telemetry/trace-context.js'
import { AuthenticationRefused } from './authentication.js'
import { ServiceClosing } from './closing.js'
import { fieldErrorsOf } from './field-errors.js'
import { RequestTimedOut } from './request-timeout.js'

interface ProblemDraft extends ProblemBasics {
  readonly errors?: ReturnType<typeof fieldErrorsOf>
}

type ProblemAnswer = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => FastifyReply

const statusByKind: Record<DomainErrorKind, number> = {
  'not-found': 404,
  conflict: 409,
  invalid: 422,
  malformed: 400,
  unavailable: 503,
}

const secondsBeforeRetry = 2

const codeByStatus: Record<number, string> = {
  400: 'REQUEST.INVALID',
  404: 'ROUTE.NOT_FOUND',
  405: 'REQUEST.METHOD_NOT_ALLOWED',
  406: 'REQUEST.NOT_ACCEPTABLE',
  408: 'REQUEST.TIMEOUT',
  413: 'REQUEST.TOO_LARGE',
  414: 'REQUEST.URI_TOO_LONG',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  429: 'REQUEST.RATE_LIMITED',
  431: 'REQUEST.HEADERS_TOO_LARGE',
  503: 'SERVICE.UNAVAILABLE',
}

/**
 * The one place where errors become HTTP: application/problem+json (RFC 9457). The answer is also
 * given to Fastify as `frameworkErrors`, for what the router refuses before any route runs (a
 * malformed URL, a path parameter over the length limit).
 */
export function problemAnswer(extension?: ProblemExtension): ProblemAnswer {
  const membersOf = extension?.membersOf ?? (() => ({}))
  return (error, request, reply) => {
    const problem = problemOf(error)
    logFailure(request, error, problem.status)
    if (problem.status === 503) {
      // What made it unavailable is expected back: clients and proxies may retry after a pause.
      reply.header('retry-after', retryAfterOf(error) ?? secondsBeforeRetry)
    }
    return sendProblem(request, reply, { ...problem, ...membersOf(problem) })
  }
}

export function registerProblemHandlers(server: FastifyInstance, answer: ProblemAnswer): void {
  server.setErrorHandler(answer)
  server.setNotFoundHandler((request, reply) => {
    const detail = `no route for ${request.method} ${request.url.split('?')[0]}`
    return answer(Object.assign(new Error(detail), { statusCode: 404 }) as FastifyError, request, reply)
  })
}

function problemOf(error: FastifyError): ProblemDraft {
  if (error instanceof DomainError) {
    return {
      status: statusByKind[error.kind],
      code: error.code,
      detail: error.message,
      ...fieldOf(error),
    }
  }
  if (error.validation) {
    const errors = fieldErrorsOf(error.validation, error.validationContext ?? 'body')
    const detail = errors.map((e) => `${[e.in, e.field].filter(Boolean).join('.')} ${e.message}`)
    return { status: 400, code: 'REQUEST.INVALID', detail: detail.join('; '), errors }
  }
  if (error instanceof AuthenticationRefused) {
    return { status: error.statusCode, code: error.code, detail: error.message }
  }
  const status = error.statusCode ?? 500
  if (status >= 400 && status < 500) {
    return { status, code: codeByStatus[status] ?? 'REQUEST.REJECTED', detail: error.message }
  }
  if (error instanceof RequestTimedOut) {
    return { status: 503, code: 'SERVICE.UNAVAILABLE', detail: 'the request was not answered in time' }
  }
  if (error instanceof ServiceClosing) {
    return { status: 503, code: 'SERVICE.UNAVAILABLE', detail: error.message }
  }
  if (status === 503) {
    return { status, code: 'SERVICE.UNAVAILABLE', detail: 'the service is unavailable' }
  }
  return { status: 500, code: 'INTERNAL', detail: 'the server failed to answer; the log has the details' }
}

/** The pause a dependency asked for, passed on to the client. */
function retryAfterOf(error: FastifyError): number | undefined {
  const seconds = error instanceof DomainError ? error.details.retryAfterSeconds : undefined
  return typeof seconds === 'number' && Number.isSafeInteger(seconds) && seconds > 0 ? seconds : undefined
}

/** A 503 says what made the service unavailable; any other 5xx is a failure of ours. */
function logFailure(request: FastifyRequest, error: FastifyError, status: number): void {
  if (status === 503) request.log.warn({ err: error }, unavailableBecause(error))
  else if (status >= 500) request.log.error({ err: error }, 'request failed')
}

function unavailableBecause(error: FastifyError): string {
  if (error instanceof RequestTimedOut) return 'the request timed out'
  if (error instanceof ServiceClosing) return 'the service is shutting down'
  if (error instanceof DomainError) return `a dependency is unavailable: ${error.message}`
  return 'the service is unavailable'
}

/** A domain error about one field (`details.field`) names it as validation errors do. */
function fieldOf({ details, message }: DomainError): Pick<ProblemDraft, 'errors'> {
  if (typeof details.field !== 'string') return {}
  const part = typeof details.in === 'string' ? details.in : 'body'
  return { errors: [{ in: part, field: details.field, message }] }
}

function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: ProblemDraft) {
  return reply
    .status(problem.status)
    .type(ProblemMediaType)
    .send({
      type: 'about:blank',
      title: STATUS_CODES[problem.status] ?? 'Error',
      ...problem,
      instance: request.url.split('?')[0],
      requestId: request.id,
      traceId: activeTraceIds()?.trace_id,
    })
}
