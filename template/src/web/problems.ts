import { STATUS_CODES } from 'node:http'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { DomainError, type DomainErrorKind } from '../domain/errors.js'
import { ProblemMediaType } from '../resources/problem.schema.js'
import { fieldErrorsOf } from './field-errors.js'

interface ProblemDraft {
  readonly status: number
  readonly code: string
  readonly detail: string
  readonly errors?: ReturnType<typeof fieldErrorsOf>
}

const statusByKind: Record<DomainErrorKind, number> = {
  'not-found': 404,
  conflict: 409,
  invalid: 422,
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

/** The one place where errors become HTTP: application/problem+json (RFC 9457). */
export function registerProblemHandlers(server: FastifyInstance): void {
  server.setErrorHandler(answerWithProblem)
  server.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, {
      status: 404,
      code: 'ROUTE.NOT_FOUND',
      detail: `no route for ${request.method} ${request.url.split('?')[0]}`,
    }),
  )
}

/**
 * Answers an error as problem+json. Also given to Fastify as `frameworkErrors`, for what the router
 * refuses before any route runs (a malformed URL, a path parameter over the length limit).
 */
export function answerWithProblem(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const problem = problemOf(error)
  if (problem.status === 503) {
    request.log.warn({ err: error }, 'a dependency is unavailable')
    // The dependency is expected back: clients and proxies may retry after a short pause.
    reply.header('retry-after', secondsBeforeRetry)
  } else if (problem.status >= 500) {
    request.log.error({ err: error }, 'request failed')
  }
  return sendProblem(request, reply, problem)
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
  const status = error.statusCode ?? 500
  if (status >= 400 && status < 500) {
    return { status, code: codeByStatus[status] ?? 'REQUEST.REJECTED', detail: error.message }
  }
  if (status === 503) {
    return { status, code: 'SERVICE.UNAVAILABLE', detail: 'the service is unavailable' }
  }
  return { status: 500, code: 'INTERNAL', detail: 'the server failed to answer; the log has the details' }
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
    })
}
