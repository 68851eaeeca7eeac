import { Type } from '@fastify/type-provider-typebox'

export const ProblemMediaType = 'application/problem+json'

const FieldError = Type.Object({
  in: Type.String({ description: 'Part of the request: body, querystring, params or headers.' }),
  field: Type.String({ description: 'Dotted path of the offending field; empty for the whole part.' }),
  message: Type.String(),
})

/** An error as RFC 9457 describes it, plus a stable `code` that clients can switch on. */
export const Problem = Type.Object(
  {
    type: Type.String({ description: 'about:blank: the status code says it all.' }),
    title: Type.String(),
    status: Type.Integer({ minimum: 400, maximum: 599 }),
    detail: Type.String(),
    code: Type.String({ description: 'Stable error code, e.g. PET.NOT_FOUND.' }),
    instance: Type.String({ description: 'Path of the request that failed.' }),
    requestId: Type.String({ description: 'Also in the x-request-id header and in the logs.' }),
    error: Type.String({
      description: 'The detail again, where the KServe and Open Inference Protocol clients look for it.',
    }),
    errors: Type.Optional(Type.Array(FieldError)),
  },
  { $id: 'Problem', title: 'Problem' },
)

const descriptions: Record<number, string> = {
  400: 'The request is malformed: a field is missing, of the wrong type or not allowed, or an instance does not fit the model.',
  404: 'Nothing exists at this address: no such route, model or version.',
  409: 'The request conflicts with the current state.',
  413: 'The body is larger than allowed.',
  414: 'A path parameter is longer than allowed.',
  415: 'The body is not of a supported media type.',
  422: 'The request is well-formed but breaks a domain rule.',
  429: 'Too many requests from this client; retry after the Retry-After header says.',
  503: 'The model is still loading or failed to load, or the request timed out; retry later or elsewhere.',
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
