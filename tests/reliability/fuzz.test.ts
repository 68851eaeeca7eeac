import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type OpenApiDocument, type Operation, operationsOf } from '../support/fuzz/openapi.js'
import { type FuzzRequest, requestArbitrary } from '../support/fuzz/requests.js'
import { type Answer, answerProblems } from '../support/fuzz/responses.js'
import { addOwner } from '../support/pets.js'
import { postgresUrl, privateSchemaUrl } from '../support/postgres.js'
import { repositoryRoot } from '../support/run.js'
import { type ServiceProcess, startProcess, waitForStatus } from '../support/service-process.js'

/** Change with FUZZ_SEED=<n> to explore; a failure prints the seed and the path that reproduce it. */
const seed = Number(process.env.FUZZ_SEED ?? 20_261_123)
const requestsPerService = Number(process.env.FUZZ_RUNS ?? 2_000)
const databaseUrl = postgresUrl()

interface FuzzedService {
  readonly folder: string
  readonly bodyLimitBytes: number
  readonly env: () => Promise<Record<string, string>>
  /** Values for path parameters, made once the service runs (pets adds a few to find). */
  readonly pathValues: (baseUrl: string) => Promise<Record<string, string[]>>
}

const services: Record<string, FuzzedService> = {
  pets: {
    folder: 'examples/pets',
    bodyLimitBytes: 1_048_576,
    // A database of its own: on PostgreSQL, a private schema; else PGlite in memory, never the example's .data.
    env: async () => ({
      DATABASE_URL: databaseUrl ? await privateSchemaUrl(databaseUrl) : '',
      PGLITE_DATA_DIR: 'memory://',
    }),
    pathValues: async (baseUrl) => ({ id: await addPets(baseUrl, 5) }),
  },
  'model-serving': {
    folder: 'examples/model-serving',
    bodyLimitBytes: 2_097_152,
    env: async () => ({}),
    pathValues: async () => ({ name: ['iris'], version: ['1', '2', 'latest'] }),
  },
}

describe.each(Object.entries(services))(
  `%s under ${requestsPerService} generated requests (seed ${seed})`,
  (_, service) => {
    let process: ServiceProcess
    let operations: Operation[]
    let pathValues: Record<string, string[]>

    beforeAll(async () => {
      process = await startProcess(
        globalThis.process.execPath,
        ['--import', 'tsx', 'src/main.ts'],
        join(repositoryRoot, service.folder),
        await service.env(),
      )
      expect(await waitForStatus(`${process.baseUrl}/health/ready`, 200, 60_000), process.output()).toBe(true)
      const document = (await (await fetch(`${process.baseUrl}/docs/json`)).json()) as OpenApiDocument
      operations = operationsOf(document).filter((operation) => operation.path !== '/metrics')
      pathValues = await service.pathValues(process.baseUrl)
    }, 90_000)
    afterAll(() => process?.stop())

    it('never answers 5xx, refuses every malformed request with problem+json, and answers as documented', {
      timeout: 300_000,
    }, async () => {
      const seen = new Map<string, number>()
      await fc.assert(
        fc.asyncProperty(
          requestArbitrary(operations, { pathValues, bodyLimitBytes: service.bodyLimitBytes }),
          async (request) => {
            seen.set(request.kind, (seen.get(request.kind) ?? 0) + 1)
            const operation = operations.find(
              (candidate) => candidate.method === request.method && matches(candidate.path, request.url),
            )
            const answer = await send(process.baseUrl, request)
            const problems = operation
              ? answerProblems(operation, answer, request.mustRefuse)
              : ['no operation for the request']
            if (problems.length)
              throw new Error(
                `${request.kind} ${request.method} ${request.url.slice(0, 200)}: ${problems.join('; ')}`,
              )
          },
        ),
        { seed, numRuns: requestsPerService, endOnFailure: true },
      )
      expect([...seen.values()].reduce((sum, count) => sum + count, 0)).toBe(requestsPerService)
      expect(seen.get('valid')).toBeGreaterThan(requestsPerService / 5)
      expect(seen.size, `kinds of request sent: ${[...seen.keys()].join(', ')}`).toBeGreaterThan(6)
    })
  },
)

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

async function addPets(baseUrl: string, count: number): Promise<string[]> {
  const ids: string[] = []
  const ownerId = await addOwner(baseUrl, 'Fuzz')
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${baseUrl}/pets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: `Seed ${i}`, ownerId, species: 'dog' }),
    })
    ids.push(((await response.json()) as { id: string }).id)
  }
  return ids
}
