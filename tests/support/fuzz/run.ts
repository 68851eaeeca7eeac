import { request as httpRequest } from 'node:http'
import fc from 'fast-check'
import { expect } from 'vitest'
import type { Operation } from './openapi.js'
import { type FuzzRequest, requestArbitrary } from './requests.js'
import { type Answer, answerProblems } from './responses.js'

export interface FuzzRun {
  readonly baseUrl: string
  readonly operations: readonly Operation[]
  /** Values for path parameters, such as the ids of items the service has. */
  readonly pathValues: Record<string, string[]>
  readonly bodyLimitBytes: number
  readonly seed: number
  readonly runs: number
}

/**
 * Sends `runs` requests drawn from the operations, valid ones and ones broken on purpose, and
 * fails at the first answer that is a 5xx, accepts what it must refuse, or is not as documented.
 */
export async function fuzz({
  baseUrl,
  operations,
  pathValues,
  bodyLimitBytes,
  seed,
  runs,
}: FuzzRun): Promise<void> {
  const seen = new Map<string, number>()
  await fc.assert(
    fc.asyncProperty(requestArbitrary([...operations], { pathValues, bodyLimitBytes }), async (request) => {
      seen.set(request.kind, (seen.get(request.kind) ?? 0) + 1)
      const operation = operations.find(
        (candidate) => candidate.method === request.method && matches(candidate.path, request.url),
      )
      const answer = await send(baseUrl, request)
      const problems = operation
        ? answerProblems(operation, answer, request.mustRefuse)
        : ['no operation for the request']
      if (problems.length) {
        throw new Error(
          `${request.kind} ${request.method} ${request.url.slice(0, 200)}: ${problems.join('; ')}`,
        )
      }
    }),
    { seed, numRuns: runs, endOnFailure: true },
  )
  expect([...seen.values()].reduce((sum, count) => sum + count, 0)).toBe(runs)
  expect(seen.get('valid')).toBeGreaterThan(runs / 5)
  expect(seen.size, `kinds of request sent: ${[...seen.keys()].join(', ')}`).toBeGreaterThan(6)
}

/**
 * Sends the request over its own connection. A service may answer 413 as soon as it reads a
 * Content-Length over its limit and close the connection while the body is still going out; Node's
 * client then loses the answer to EPIPE or ECONNRESET. A careful client would have stopped sending
 * at the answer, so the request is asked again with its headers alone, Content-Length included,
 * and that answer counts.
 */
async function send(baseUrl: string, request: FuzzRequest): Promise<Answer> {
  try {
    return await exchange(baseUrl, request, { sendBody: true })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (request.kind !== 'oversized body' || (code !== 'EPIPE' && code !== 'ECONNRESET')) throw error
    return exchange(baseUrl, request, { sendBody: false })
  }
}

function exchange(
  baseUrl: string,
  request: FuzzRequest,
  { sendBody }: { sendBody: boolean },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(`${baseUrl}${request.url}`, {
      method: request.method,
      agent: false,
      headers: {
        ...(request.contentType && { 'content-type': request.contentType }),
        ...(request.body !== undefined && { 'content-length': Buffer.byteLength(request.body) }),
      },
    })
    outgoing.on('response', (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        body += chunk
      })
      response.on('end', () => {
        resolve({
          status: response.statusCode ?? 0,
          contentType: String(response.headers['content-type'] ?? ''),
          body,
        })
        outgoing.destroy()
      })
    })
    outgoing.on('error', reject)
    if (sendBody) outgoing.end(request.body)
    else outgoing.flushHeaders()
  })
}

function matches(template: string, url: string): boolean {
  const path = url.split('?')[0] ?? ''
  const pattern = template
    .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
    .replace(/\\?\{\w+\\?\}/g, '[^/]*')
    .replace(/\{\w+\}/g, '[^/]*')
  return new RegExp(`^${pattern}$`).test(path)
}
