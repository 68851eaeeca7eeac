import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { repositoryRoot, run } from '../support/run.js'

/** A value each format refuses; formats that take any string have none and are left out. */
const refusedValueByFormat: Record<string, string> = {
  'positive-integer': 'abc',
  'non-negative-integer': '-1',
  'tcp-port': '70000',
  'optional-tcp-port': 'eighty',
  'strict-boolean': 'maybe',
  'non-empty-string': ' ',
  'postgres-url': 'mysql://db/app',
  'optional-amqp-url': 'http://rabbitmq:15672',
  'optional-http-url': 'login.example.com',
  'algorithm-list': 'HS256',
  'origin-list': 'app.example.com',
  'route-path': 'no-leading-slash',
  'local-storage-uri': 'gs://bucket/models',
  'model-list': 'iris:one:two',
}

interface Setting {
  readonly variable: string
  readonly refused: string
}

/** Every variable of a service's convict schema that has a value it refuses, with that value. */
async function settingsOf(service: string): Promise<Setting[]> {
  const url = pathToFileURL(join(repositoryRoot, service, 'src/config/config.schema.ts')).href
  const { configSchema } = (await import(url)) as { configSchema: object }
  const walk = (node: object): Setting[] =>
    Object.values(node).flatMap((value) => {
      if (!value || typeof value !== 'object') return []
      if (!('env' in value)) return walk(value)
      const format = (value as { format?: unknown }).format
      const refused = Array.isArray(format) ? 'not-one-of-them' : refusedValueByFormat[String(format)]
      return refused === undefined ? [] : [{ variable: String(value.env), refused }]
    })
  return walk(configSchema)
}

/**
 * Each service started as in production with one bad variable: it must stop with exit code 1 and
 * one line naming the variable, before it listens or touches anything.
 */
describe.each(['examples/pets', 'examples/model-serving'])(
  '%s refuses a bad environment',
  async (service) => {
    const settings = await settingsOf(service)

    it('checks more than a handful of variables', () => {
      expect(settings.length).toBeGreaterThan(8)
    })

    it.concurrent.each(settings)(
      '$variable=$refused: exit 1, one line naming it',
      async ({ variable, refused }) => {
        const { code, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
          cwd: join(repositoryRoot, service),
          env: { PORT: '0', [variable]: refused },
        })

        expect(code).toBe(1)
        const lines = stderr.trim().split('\n')
        expect(lines).toHaveLength(1)
        expect(lines[0]).toMatch(new RegExp(`^invalid configuration: .*\\b${variable}\\b`))
      },
    )
  },
)
