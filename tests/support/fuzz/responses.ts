import { Ajv } from 'ajv'
import ajvFormats from 'ajv-formats'
import type { Operation } from './openapi.js'

const ajv = new Ajv({ strict: false, allErrors: true })
ajvFormats.default(ajv)

export interface Answer {
  readonly status: number
  readonly contentType: string
  readonly body: string
}

/** What is wrong with an answer to a request: a 5xx, an unjustified refusal, or a body off its schema. */
export function answerProblems(operation: Operation, answer: Answer, mustRefuse: boolean): string[] {
  const problems: string[] = []
  if (answer.status >= 500) problems.push(`answered ${answer.status}: ${answer.body.slice(0, 300)}`)
  if (mustRefuse && (answer.status < 400 || answer.status >= 500))
    problems.push(`accepted a request its schema forbids (${answer.status})`)
  if (answer.status >= 400 && !answer.contentType.startsWith('application/problem+json')) {
    problems.push(`a ${answer.status} that is not problem+json (${answer.contentType})`)
  }
  const documented = operation.responses[String(answer.status)]
  if (!documented) return [...problems, `status ${answer.status} is not documented`]
  const mediaType = answer.contentType.split(';')[0] ?? ''
  const schema = documented[mediaType]
  if (schema && answer.body) {
    const validate = ajv.compile(schema)
    if (!validate(JSON.parse(answer.body))) {
      problems.push(
        `body does not match the documented ${answer.status} schema: ${ajv.errorsText(validate.errors)}`,
      )
    }
  }
  return problems
}
