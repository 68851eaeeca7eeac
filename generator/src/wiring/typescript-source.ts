import ts from 'typescript'
import { UsageError } from '../usage-error.js'
import { insertAt, type TextEdit } from './text-edits.js'

/**
 * A source file of the service, parsed by TypeScript itself: whatever the file's formatting,
 * comments or order, the generator finds what it changes by meaning, not by the shape of lines.
 */
export function parseSource(path: string, text: string): ts.SourceFile {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const [problem] = (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics
  if (problem) {
    const message = ts.flattenDiagnosticMessageText(problem.messageText, ' ')
    throw new UsageError(`${path} does not parse (${message}): fix it, then run the command again`)
  }
  return source
}

/** Every node of the tree, depth first, in source order. */
export function descendants(node: ts.Node): ts.Node[] {
  const found: ts.Node[] = []
  const visit = (child: ts.Node) => {
    found.push(child)
    child.forEachChild(visit)
  }
  node.forEachChild(visit)
  return found
}

export interface NamedImport {
  readonly names: readonly string[]
  readonly from: string
  readonly typeOnly?: boolean
}

/**
 * An import for each name the file does not import yet, after its last import: the service's
 * formatter puts them in order. A name the file already declares otherwise is a clash.
 */
export function importEdits(source: ts.SourceFile, imports: readonly NamedImport[]): TextEdit[] {
  const declarations = source.statements.filter(ts.isImportDeclaration)
  const imported = new Set(declarations.flatMap(importedNames))
  const wanted = imports
    .map((entry) => ({ ...entry, names: entry.names.filter((name) => !imported.has(name)) }))
    .filter((entry) => entry.names.length > 0)
  if (wanted.length === 0) return []
  const lines = wanted.map(
    ({ names, from, typeOnly }) => `import ${typeOnly ? 'type ' : ''}{ ${names.join(', ')} } from '${from}'`,
  )
  const after = declarations.at(-1)?.getEnd()
  return [
    after === undefined ? insertAt(0, `${lines.join('\n')}\n\n`) : insertAt(after, `\n${lines.join('\n')}`),
  ]
}

/** `import * as name from '<from>'`, unless the file has it. */
export function namespaceImportEdit(source: ts.SourceFile, name: string, from: string): TextEdit[] {
  const declarations = source.statements.filter(ts.isImportDeclaration)
  if (declarations.flatMap(importedNames).includes(name)) return []
  const line = `import * as ${name} from '${from}'`
  const after = declarations.at(-1)?.getEnd()
  return [after === undefined ? insertAt(0, `${line}\n\n`) : insertAt(after, `\n${line}`)]
}

function importedNames(declaration: ts.ImportDeclaration): string[] {
  const clause = declaration.importClause
  if (!clause) return []
  const bindings = clause.namedBindings
  return [
    ...(clause.name ? [clause.name.text] : []),
    ...(bindings && ts.isNamespaceImport(bindings) ? [bindings.name.text] : []),
    ...(bindings && ts.isNamedImports(bindings) ? bindings.elements.map((element) => element.name.text) : []),
  ]
}

/** The column of the line `position` is on, as spaces: a new statement lines up with its neighbour. */
export function indentationAt(source: ts.SourceFile, position: number): string {
  const { line } = source.getLineAndCharacterOfPosition(position)
  const lineStart = source.getPositionOfLineAndCharacter(line, 0)
  return /^[ \t]*/.exec(source.text.slice(lineStart))?.[0] ?? ''
}
