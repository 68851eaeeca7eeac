import type { Dispatcher } from 'undici'
import { type GenericSchema, safeParse } from 'valibot'
import type { RemoteClient } from './remote-client.js'
import { RemoteUnavailable } from './remote-unavailable.js'

/** The parts of a request to a remote operation, as the generated `…Data` types spell them. */
export interface OperationRequest {
  readonly path?: Readonly<Record<string, unknown>>
  readonly query?: Readonly<Record<string, unknown>>
  readonly headers?: Readonly<Record<string, unknown>>
  readonly body?: unknown
  readonly url: string
}

/** Answers the client turns into RemoteUnavailable itself: a gateway never reads them. */
type Failures = 'default' | 429 | 500 | 501 | 502 | 503 | 504 | 505 | 506 | 507 | 508 | 510 | 511

/** One documented answer per status: `switch (answer.status)` narrows the body to that status's type. */
export type Answer<Responses> = {
  [Status in Exclude<keyof Responses, Failures>]: {
    readonly status: Status
    readonly body: Responses[Status]
  }
}[Exclude<keyof Responses, Failures>]

export interface OperationSpec {
  /** `getPet`: its operationId, as the metrics label it. */
  readonly operation: string
  readonly method: Dispatcher.HttpMethod
  /** The path template of the remote's document: `/pets/{id}`. */
  readonly url: string
  /** Every status the document lists below 500 (but 429); any other answer breaks the contract. */
  readonly statuses: readonly number[]
  /** Checks of the bodies the gateway reads, from the document's schemas. */
  readonly checks?: Readonly<Record<number, GenericSchema>>
}

type RequestOf<Data extends OperationRequest> = Omit<Data, 'url'>
type RequestArguments<Data extends OperationRequest> =
  object extends RequestOf<Data> ? [request?: RequestOf<Data>] : [request: RequestOf<Data>]

/**
 * A typed call to one operation of a remote: the path filled in, the query encoded, the body
 * sent as JSON, and the answer checked against the document before a gateway reads it. An
 * answer the document does not allow rejects with RemoteUnavailable, like a remote that fails.
 */
export function remoteOperation<Data extends OperationRequest, Responses>(spec: OperationSpec) {
  const documented = new Set(spec.statuses)
  return async (client: RemoteClient, ...[request]: RequestArguments<Data>): Promise<Answer<Responses>> => {
    const response = await client.call({
      operation: spec.operation,
      method: spec.method,
      path: `${filledPath(spec.url, request?.path)}${queryString(request?.query)}`,
      headers: headersOf(request?.headers),
      json: request?.body,
    })
    if (!documented.has(response.status)) {
      throw new RemoteUnavailable(client.name, 'unexpected answer')
    }
    const check = spec.checks?.[response.status]
    if (check && !safeParse(check, response.body).success) {
      throw new RemoteUnavailable(client.name, 'invalid answer')
    }
    return { status: response.status, body: response.body } as Answer<Responses>
  }
}

function filledPath(template: string, values: Readonly<Record<string, unknown>> = {}): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values[name]
    if (value === undefined || value === null) throw new TypeError(`path parameter ${name} is missing`)
    return encodeURIComponent(String(value))
  })
}

function headersOf(values: Readonly<Record<string, unknown>> = {}): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== null)
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : String(value)
  }
  return headers
}

/** Form style, exploded, as OpenAPI's default for query parameters: `?tag=a&tag=b`. */
function queryString(values: Readonly<Record<string, unknown>> = {}): string {
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries(values)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null) query.append(name, String(item))
    }
  }
  const text = query.toString()
  return text === '' ? '' : `?${text}`
}
