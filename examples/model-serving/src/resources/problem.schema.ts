import { type TProperties, Type } from '@fastify/type-provider-typebox'

export const ProblemMediaType = 'application/problem+json'

const FieldError = Type.Object({
  in: Type.String({ description: 'Part of the request: body, querystring, params or headers.' }),
  field: Type.String({ description: 'Dotted path of the offending field; empty for the whole part.' }),
  message: Type.String(),
})

const problemMembers = {
  type: Type.String({ description: 'about:blank: the status code says it all.' }),
  title: Type.String(),
  status: Type.Integer({ minimum: 400, maximum: 599 }),
  detail: Type.String(),
  code: Type.String({ description: 'Stable error code, e.g. PET.NOT_FOUND.' }),
  instance: Type.String({ description: 'Path of the request that failed.' }),
  requestId: Type.String({ description: 'Also in the x-request-id header and in the logs.' }),
  traceId: Type.Optional(
    Type.String({
      description:
        'The W3C trace id of the request, when it is traced: where to look in the tracing backend.',
    }),
  ),
  errors: Type.Optional(Type.Array(FieldError)),
}

/** The members every problem has that an extension may derive its own from. */
export interface ProblemBasics {
  readonly status: number
  readonly code: string
  readonly detail: string
}

/** Members a service adds to every problem for clients of its own, with their schema for the docs. */
export interface ProblemExtension {
  readonly properties: TProperties
  readonly membersOf: (problem: ProblemBasics) => Record<string, unknown>
}

/**
 * An error as RFC 9457 describes it, plus a stable `code` that clients can switch on, and the
 * extension members a service adds for clients of its own (RFC 9457, section 3.2).
 */
export function problemSchema(extensions: TProperties = {}) {
  return Type.Object({ ...problemMembers, ...extensions }, { $id: 'Problem', title: 'Problem' })
}

const descriptions: Record<number, string> = {
  400: 'The request is malformed: a field is missing, of the wrong type or not allowed.',
  404: 'Nothing exists at this address.',
  409: 'The request conflicts with the current state.',
  413: 'The body is larger than allowed.',
  414: 'A path parameter is longer than allowed.',
  415: 'The body is not of a supported media type.',
  422: 'The request is well-formed but breaks a domain rule.',
  429: 'Too many requests from this client; retry after the Retry-After header says.',
  503: 'A dependency is unavailable, the request timed out or the service is shutting down; retry later.',
}

/** Documents the problems a route may answer with, for its response schema. */
export function problemResponses<Status extends number>(...statuses: Status[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: descriptions[status] ?? 'The request failed.',
        content: { [ProblemMediaType]: { schema: Type.Ref('Problem') } },
      },
    ]),
  ) as Record<Status, unknown>
}
