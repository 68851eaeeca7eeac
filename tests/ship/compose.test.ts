import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import ajvFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { configVariablesOf } from '../support/config-variables.js'
import { repositoryRoot, run } from '../support/run.js'

interface ComposeService {
  build?: { context: string; args?: Record<string, string> }
  image?: string
  environment?: Record<string, string>
  depends_on?: Record<string, { condition: string }>
  command?: string[]
  volumes?: string[]
  healthcheck?: { test: string[] }
}

const composeFile = join(repositoryRoot, 'docker-compose.yml')
const compose = parse(readFileSync(composeFile, 'utf8')) as { services: Record<string, ComposeService> }
const { services } = compose
const composeCliInstalled = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0
const composeCliRequired = process.env.REQUIRE_COMPOSE_CLI === '1'

describe('docker-compose.yml', () => {
  it('is valid against the Compose specification schema', () => {
    const { $schema: _draft, ...schema } = JSON.parse(
      readFileSync(join(repositoryRoot, 'node_modules/dclint/schemas/compose.schema.json'), 'utf8'),
    )
    const ajv = new Ajv({ strict: false, allErrors: true })
    ajvFormats.default(ajv)
    const validate = ajv.compile(schema)

    expect(validate(compose), JSON.stringify(validate.errors)).toBe(true)
  })

  it.runIf(composeCliInstalled || composeCliRequired)(
    'is accepted by docker-compose config (Compose 1.29 from Debian, without an engine)',
    async () => {
      const { code, stdout, stderr } = await run('docker-compose', ['-f', composeFile, 'config', '-q'])

      expect(code, stdout + stderr).toBe(0)
    },
  )

  it('passes dclint', async () => {
    const { code, stdout, stderr } = await run(join(repositoryRoot, 'node_modules/.bin/dclint'), [
      composeFile,
    ])

    expect(code, stdout + stderr).toBe(0)
  })

  it('keeps PostgreSQL on a volume, with a health check', () => {
    expect(services.postgres?.image).toMatch(/^postgres:\d+\.\d+/)
    expect(services.postgres?.volumes?.[0]).toMatch(/:\/var\/lib\/postgresql\/data$/)
    expect(services.postgres?.healthcheck?.test).toContain('pg_isready')
  })

  it('keeps RabbitMQ on a volume, with a health check, and gives pets a user of its own on it', () => {
    expect(services.rabbitmq?.image).toMatch(/^rabbitmq:\d+\.\d+/)
    expect(services.rabbitmq?.volumes?.[0]).toMatch(/:\/var\/lib\/rabbitmq$/)
    expect(services.rabbitmq?.healthcheck?.test).toContain('rabbitmq-diagnostics')
    const user = services.rabbitmq?.environment?.RABBITMQ_DEFAULT_USER
    expect(services.pets?.environment?.AMQP_URL).toMatch(new RegExp(`^amqp://${user}:[^@]+@rabbitmq:5672$`))
  })

  it('migrates before pets serves, and starts pets only on a healthy database', () => {
    expect(services['pets-migrate']?.command).toEqual(['node', 'dist/migrate.js'])
    expect(services.pets?.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      rabbitmq: { condition: 'service_healthy' },
      'pets-migrate': { condition: 'service_completed_successfully' },
    })
    expect(services.pets?.environment?.DATABASE_MIGRATE_ON_START).toBe('false')
  })

  it('builds each example from the root Dockerfile', () => {
    for (const name of ['pets', 'pets-migrate', 'pet-profiles', 'model-serving']) {
      expect(services[name]?.build).toMatchObject({
        context: '.',
        args: { SERVICE: name.replace('-migrate', '') },
      })
    }
  })

  it.each(['pets', 'pets-migrate', 'pet-profiles', 'model-serving'])(
    'sets only variables %s reads',
    async (name) => {
      const service = services[name]
      const known = await configVariablesOf(`examples/${service?.build?.args?.SERVICE}`)

      expect(Object.keys(service?.environment ?? {}).filter((variable) => !known.has(variable))).toEqual([])
    },
  )
})
