import {
  BrokenCircuitError,
  ConsecutiveBreaker,
  circuitBreaker,
  DelegateBackoff,
  ExponentialBackoff,
  handleWhen,
  type IBackoff,
  type IRetryBackoffContext,
  IsolatedCircuitError,
  retry,
  TaskCancelledError,
  TimeoutStrategy,
  timeout,
  wrap,
} from 'cockatiel'
import type { Registry } from 'prom-client'
import { type Dispatcher, Pool } from 'undici'
import { remoteMetrics } from './remote-metrics.js'
import type { RemoteSettings } from './remote-settings.js'
import { RemoteUnavailable, type UnavailableReason } from './remote-unavailable.js'

export interface RemoteCall {
  /** `getPet`: the operation, as the metrics label it. */
  readonly operation: string
  readonly method: Dispatcher.HttpMethod
  /** Below the remote's base URL, with the query: `/pets/0195…?fields=name`. */
  readonly path: string
  readonly headers?: Readonly<Record<string, string>>
  /** Sent as application/json. */
  readonly json?: unknown
}

export interface RemoteResponse {
  /** 2xx to 4xx (but 429): what the remote answered, for the gateway to read. */
  readonly status: number
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  /** Parsed when the remote sent JSON, the text otherwise, undefined when empty. */
  readonly body: unknown
}

/** One remote over a pool of keep-alive connections, with timeouts, retries and a circuit breaker. */
export interface RemoteClient {
  /** `pets`: the remote, as errors, logs and metrics name it. */
  readonly name: string
  /** The remote's answer, or RemoteUnavailable: timeouts, failed connections, 5xx, 429, an open circuit. */
  call(call: RemoteCall): Promise<RemoteResponse>
  close(): Promise<void>
}

/** Methods that mean the same when sent twice: a failed one may be sent again. */
const idempotent = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'])
/** Failures before the request left: safe to send again whatever the method. */
const neverSent = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT'])

/** One attempt's failure, with whether another attempt may follow. */
class AttemptFailed extends Error {
  constructor(
    readonly reason: UnavailableReason,
    readonly retryable: boolean,
    readonly retryAfterSeconds?: number,
    options?: ErrorOptions,
  ) {
    super(reason, options)
  }
}

export interface RemoteClientOptions {
  /** Where the outbound metrics go. */
  readonly metrics?: Registry
  /** The id of the request being answered, sent on as X-Request-Id so one id follows it across services. */
  readonly requestId?: () => string | undefined
}

/** `name` (`pets`) names the remote in errors, logs and metrics. */
export function createRemoteClient(
  name: string,
  settings: RemoteSettings,
  { metrics: registry, requestId = () => undefined }: RemoteClientOptions = {},
): RemoteClient {
  const base = new URL(settings.baseUrl)
  const basePath = base.pathname.replace(/\/$/, '')
  const pool = new Pool(base.origin, {
    connect: { timeout: settings.connectTimeoutMs },
    maxResponseSize: settings.maxResponseBytes,
  })
  const metrics = remoteMetrics(name, registry)
  const breaker = circuitBreaker(
    handleWhen((error) => error instanceof AttemptFailed),
    {
      halfOpenAfter: settings.circuitHalfOpenAfterMs,
      breaker: new ConsecutiveBreaker(settings.circuitFailures),
    },
  )
  breaker.onStateChange((state) => metrics.circuitIs(state))
  const policy = wrap(
    timeout(settings.timeoutMs, TimeoutStrategy.Aggressive),
    retry(
      handleWhen((error) => error instanceof AttemptFailed && error.retryable),
      { maxAttempts: settings.retries, backoff: retryAfterOrJitter() },
    ),
    breaker,
  )

  async function attempt(
    call: RemoteCall,
    signal: AbortSignal,
    id: string | undefined,
  ): Promise<RemoteResponse> {
    const started = performance.now()
    let status = 'error'
    try {
      const response = await pool.request({
        method: call.method,
        path: `${basePath}${call.path}`,
        headers: {
          accept: 'application/json',
          ...(call.json === undefined ? {} : { 'content-type': 'application/json' }),
          ...(id === undefined ? {} : { 'x-request-id': id }),
          ...call.headers,
        },
        body: call.json === undefined ? undefined : JSON.stringify(call.json),
        signal,
      })
      status = String(response.statusCode)
      const text = await response.body.text()
      if (response.statusCode === 429 || response.statusCode >= 500) {
        throw answeredFailure(call, response.statusCode, response.headers, settings.timeoutMs)
      }
      return { status: response.statusCode, headers: response.headers, body: bodyOf(text, response.headers) }
    } catch (error) {
      if (error instanceof AttemptFailed) throw error
      throw unanswered(call, error, signal)
    } finally {
      metrics.observe(call.operation, status, (performance.now() - started) / 1000)
    }
  }

  return {
    name,
    async call(call) {
      try {
        const id = requestId()
        return await policy.execute(({ signal }) => attempt(call, signal, id))
      } catch (error) {
        if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError) {
          metrics.observe(call.operation, 'circuit_open', 0)
          throw new RemoteUnavailable(name, 'circuit open', undefined, { cause: error })
        }
        if (error instanceof TaskCancelledError) {
          throw new RemoteUnavailable(name, 'timeout', undefined, { cause: error })
        }
        if (error instanceof AttemptFailed) {
          throw new RemoteUnavailable(name, error.reason, error.retryAfterSeconds, { cause: error })
        }
        throw error
      }
    },
    close: () => pool.close(),
  }
}

/** A 5xx or 429: sent again when the remote marked it retryable, or when the method is idempotent. */
function answeredFailure(
  call: RemoteCall,
  status: number,
  headers: Record<string, string | string[] | undefined>,
  timeoutMs: number,
): AttemptFailed {
  const retryAfter = retryAfterSecondsOf(headers['retry-after'])
  const markedRetryable = status === 429 || status === 503
  // A pause past the call's own deadline is not worth starting.
  const waitable = retryAfter === undefined || retryAfter * 1000 < timeoutMs
  const retryable = waitable && (markedRetryable || (idempotent.has(call.method) && status !== 501))
  return new AttemptFailed(markedRetryable ? 'overloaded' : 'server error', retryable, retryAfter)
}

/** No answer: timed out, the connection failed, or the answer was too large. */
function unanswered(call: RemoteCall, error: unknown, signal: AbortSignal): AttemptFailed {
  const code = (error as { code?: unknown }).code
  if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') return new AttemptFailed('response too large', false)
  if (signal.aborted) return new AttemptFailed('timeout', false, undefined, { cause: error })
  const safe = idempotent.has(call.method) || (typeof code === 'string' && neverSent.has(code))
  return new AttemptFailed('connection failed', safe, undefined, { cause: error })
}

/**
 * The pause the remote asked for in Retry-After, else exponential backoff with decorrelated
 * jitter, so that many clients retrying do not hit the remote in step.
 */
function retryAfterOrJitter() {
  const jitter = new ExponentialBackoff({ initialDelay: 50, maxDelay: 2_000 })
  type Context = IRetryBackoffContext<unknown>
  return new DelegateBackoff<Context, IBackoff<Context> | undefined>((context, previous) => {
    const next = (previous ?? jitter).next(context)
    const error = 'error' in context.result ? context.result.error : undefined
    const asked = error instanceof AttemptFailed ? error.retryAfterSeconds : undefined
    return { delay: asked === undefined ? next.duration : asked * 1000, state: next }
  })
}

function retryAfterSecondsOf(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header
  if (value === undefined) return undefined
  if (/^\d+$/.test(value.trim())) return Number(value)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000))
}

function bodyOf(text: string, headers: Record<string, string | string[] | undefined>): unknown {
  if (text === '') return undefined
  const type = String(headers['content-type'] ?? '')
  if (!/[/+]json\b/.test(type)) return text
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}
