import ts from 'typescript'
import { applyEdits, insertAt } from './text-edits.js'
import { descendants, importEdits, type NamedImport, parseSource } from './typescript-source.js'
import { WiringRefused } from './wiring-refused.js'

export interface ConsumerRegistration {
  /** The handler, as an expression: `petArrivalsConsumer(createTransactions(...), config.broker.queuePrefix)`. */
  readonly entry: string
  readonly imports: readonly NamedImport[]
}

const path = 'src/app.ts'

/**
 * Adds a message handler to the `consumers` array of the messaging object in buildApp, after the
 * handlers there already, with its imports. Refused when buildApp has no such array.
 */
export function registerConsumer(text: string, registration: ConsumerRegistration): string {
  const source = parseSource(path, text)
  const refuse = (missing: string) =>
    new WiringRefused(path, missing, [
      ...registration.imports.map(({ names, from }) => `import { ${names.join(', ')} } from '${from}'`),
      `${registration.entry},   // in buildApp, in messaging.consumers`,
    ])
  const buildApp = descendants(source).find(
    (node): node is ts.FunctionDeclaration =>
      ts.isFunctionDeclaration(node) && node.name?.text === 'buildApp',
  )
  if (!buildApp?.body) throw refuse('it has no function buildApp')
  const consumers = consumersArray(buildApp.body)
  if (!consumers)
    throw refuse('buildApp has no `consumers: [...]` in an object literal (the messaging of the service)')
  const names = new Set(
    descendants(buildApp.body)
      .filter(ts.isVariableDeclaration)
      .map((declaration) => declaration.name.getText(source)),
  )
  if (!names.has('database')) throw refuse('buildApp has no `database`')
  const clash = registration.imports.flatMap((entry) => entry.names).find((name) => names.has(name))
  if (clash) throw refuse(`buildApp already declares \`${clash}\``)

  const last = consumers.elements.at(-1)
  const after =
    last && (consumers.elements.hasTrailingComma ? text.indexOf(',', last.getEnd()) + 1 : last.getEnd())
  return applyEdits(text, [
    ...importEdits(source, registration.imports),
    after === undefined
      ? insertAt(consumers.getEnd() - 1, registration.entry)
      : insertAt(after, `${consumers.elements.hasTrailingComma ? '' : ','}\n${registration.entry}`),
  ])
}

function consumersArray(body: ts.Block): ts.ArrayLiteralExpression | undefined {
  for (const node of descendants(body)) {
    if (
      ts.isPropertyAssignment(node) &&
      node.name.getText() === 'consumers' &&
      ts.isArrayLiteralExpression(node.initializer)
    ) {
      return node.initializer
    }
  }
  return undefined
}
