import ts from 'typescript'
import { applyEdits, insertAt } from './text-edits.js'
import {
  descendants,
  importEdits,
  indentationAt,
  type NamedImport,
  parseSource,
} from './typescript-source.js'
import { WiringRefused } from './wiring-refused.js'

export interface Registration {
  /** The expression registered, e.g. `petsResource(createPetsService(createPetsGateway(database.db)))`. */
  readonly plugin: string
  /**
   * The same with the service in a span of its own, `petsResource(traced('pets', createPetsService(...)))`:
   * what is registered when buildApp declares `traced`, as every service made since tracing came does.
   */
  readonly tracedPlugin?: string
  readonly imports: readonly NamedImport[]
  /** Names buildApp must have in scope for the expression to compile. */
  readonly needs: readonly string[]
}

const path = 'src/app.ts'

/**
 * Registers a plugin in the composition root: after the last `server.register(...)` of buildApp,
 * so resources are registered in the order they were added, with its imports. Refused when
 * buildApp is not there, registers nothing, or lacks a name the new line uses.
 */
export function registerInCompositionRoot(text: string, registration: Registration): string {
  const source = parseSource(path, text)
  const buildApp = buildAppBody(source)
  const declared = buildApp ? declaredNames(buildApp) : new Set<string>()
  const plugin = declared.has('traced')
    ? (registration.tracedPlugin ?? registration.plugin)
    : registration.plugin
  const refuse = (missing: string) =>
    new WiringRefused(path, missing, [
      ...registration.imports.map(({ names, from }) => `import { ${names.join(', ')} } from '${from}'`),
      `await server.register(${plugin})   // in buildApp, after the other resources`,
    ])
  if (!buildApp) throw refuse('it has no function buildApp')
  const last = registrations(buildApp).at(-1)
  if (!last) throw refuse('buildApp has no `await server.register(...)` to add the resource after')
  const missing = registration.needs.filter((name) => !declared.has(name))
  if (missing.length > 0) throw refuse(`buildApp has no ${missing.map((name) => `\`${name}\``).join(', ')}`)
  const clash = registration.imports.flatMap((entry) => entry.names).find((name) => declared.has(name))
  if (clash) throw refuse(`buildApp already declares \`${clash}\``)

  const line = `\n${indentationAt(source, last.statement.getStart())}await ${last.server}.register(${plugin})`
  return applyEdits(text, [
    ...importEdits(source, registration.imports),
    insertAt(endOfLine(source, last.statement), line),
  ])
}

/** Where the statement's line ends: after a comment that follows it there, which stays with it. */
function endOfLine(source: ts.SourceFile, statement: ts.Statement): number {
  const comments = ts.getTrailingCommentRanges(source.text, statement.getEnd()) ?? []
  return comments.at(-1)?.end ?? statement.getEnd()
}

function buildAppBody(source: ts.SourceFile): ts.Block | undefined {
  for (const node of descendants(source)) {
    if (ts.isFunctionDeclaration(node) && node.name?.text === 'buildApp') return node.body
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === 'buildApp') {
      const value = node.initializer
      if (value && (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) && ts.isBlock(value.body)) {
        return value.body
      }
    }
  }
  return undefined
}

/** Each `[await] <server>.register(...)` statement of buildApp, outside functions nested in it. */
function registrations(body: ts.Block): { statement: ts.Statement; server: string }[] {
  return statementsOf(body).flatMap((statement) => {
    if (!ts.isExpressionStatement(statement)) return []
    const call = ts.isAwaitExpression(statement.expression)
      ? statement.expression.expression
      : statement.expression
    if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression)) return []
    const { name, expression: server } = call.expression
    return name.text === 'register' && ts.isIdentifier(server) ? [{ statement, server: server.text }] : []
  })
}

/** The statements of a block and of the blocks inside it (try, if, for), but not of nested functions. */
function statementsOf(block: ts.Block): ts.Statement[] {
  const found: ts.Statement[] = []
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return
    if (ts.isBlock(node)) for (const statement of node.statements) found.push(statement)
    node.forEachChild(visit)
  }
  visit(block)
  return found
}

/** Names declared in buildApp: its variables and its parameters. */
function declaredNames(body: ts.Block): Set<string> {
  const names = new Set<string>()
  const addBinding = (name: ts.BindingName) => {
    if (ts.isIdentifier(name)) names.add(name.text)
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) addBinding(element.name)
  }
  for (const node of [body, ...descendants(body)]) {
    if (ts.isVariableDeclaration(node)) addBinding(node.name)
  }
  const fn = body.parent
  if (ts.isFunctionLike(fn)) for (const parameter of fn.parameters) addBinding(parameter.name)
  return names
}
