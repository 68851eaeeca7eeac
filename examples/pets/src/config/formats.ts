import convict from 'convict'

/**
 * The formats every service's settings use, registered with convict once on import. A service adds
 * its own beside its schema, in config.schema.ts.
 */
export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

const integerOrText = (value: string) => (/^\d+$/.test(value) ? Number(value) : value)

function assertTcpPort(value: unknown): void {
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 65_535) {
    throw new Error('must be an integer from 0 to 65535')
  }
}

convict.addFormats({
  'positive-integer': {
    coerce: integerOrText,
    validate(value: unknown) {
      if (!Number.isSafeInteger(value) || (value as number) <= 0)
        throw new Error('must be a positive integer')
    },
  },
  'non-negative-integer': {
    coerce: integerOrText,
    validate(value: unknown) {
      if (!Number.isSafeInteger(value) || (value as number) < 0)
        throw new Error('must be an integer of 0 or more')
    },
  },
  'tcp-port': { coerce: integerOrText, validate: assertTcpPort },
  /** Unset is null, so that another setting applies; set, it must be a port. */
  'optional-tcp-port': {
    coerce: (value: string) => (value === '' ? null : integerOrText(value)),
    validate(value: unknown) {
      if (value !== null) assertTcpPort(value)
    },
  },
  'strict-boolean': {
    coerce: (value: string) => ({ true: true, false: false })[value] ?? value,
    validate(value: unknown) {
      if (typeof value !== 'boolean') throw new Error('must be true or false')
    },
  },
  'non-empty-string': {
    validate(value: unknown) {
      if (typeof value !== 'string' || value.trim() === '') throw new Error('must not be empty')
    },
  },
  'route-path': {
    validate(value: unknown) {
      if (typeof value !== 'string' || !/^\/[^\s?#*]*$/.test(value)) {
        throw new Error('must be a path starting with /, without spaces, ?, # or *')
      }
    },
  },
  'http-url': {
    validate(value: unknown) {
      if (typeof value !== 'string' || !URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
        throw new Error('must be an http:// or https:// URL, like http://pets:8080')
      }
    },
  },
  'optional-http-url': {
    validate(value: unknown) {
      if (value === '') return
      if (typeof value !== 'string' || !URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
        throw new Error('must be an http:// or https:// URL, or empty')
      }
    },
  },
  /** JOSE signature algorithms; never none, which would accept a token nobody signed. */
  'algorithm-list': {
    coerce: (value: string) =>
      value
        .split(',')
        .map((algorithm) => algorithm.trim())
        .filter(Boolean),
    validate(algorithms: unknown) {
      const known = /^(RS|PS|ES)(256|384|512)$|^EdDSA$|^Ed25519$/
      const list = algorithms as string[]
      if (list.length === 0) throw new Error('must name at least one algorithm, like RS256,ES256')
      for (const algorithm of list) {
        if (!known.test(algorithm)) {
          throw new Error(
            `must be asymmetric JOSE algorithms like RS256 or ES256, comma separated: "${algorithm}" is not`,
          )
        }
      }
    },
  },
  /** Empty means no broker. */
  'optional-amqp-url': {
    validate(value: unknown) {
      if (value === '') return
      if (typeof value !== 'string' || !URL.canParse(value) || !/^amqps?:$/.test(new URL(value).protocol)) {
        throw new Error('must be an amqp:// or amqps:// URL, like amqp://guest:guest@rabbitmq:5672, or empty')
      }
    },
  },
  'origin-list': {
    coerce: (value: string) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    validate(origins: unknown) {
      for (const origin of origins as string[]) {
        if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
          throw new Error(
            `must be * or origins like https://app.example.com, comma separated: "${origin}" is not`,
          )
        }
      }
    },
  },
})
