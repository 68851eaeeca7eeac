import ts from 'typescript'
import { applyEdits, insertAt, type TextEdit } from './text-edits.js'
import { importEdits, parseSource } from './typescript-source.js'
import { WiringRefused } from './wiring-refused.js'

const path = 'src/clients/database/tables.ts'

/** Adds `<table>: <Type>` to the `Tables` interface kysely is typed with, and imports the type. */
export function addToTables(text: string, table: string, type: string, from: string): string {
  const source = parseSource(path, text)
  const refuse = (missing: string) =>
    new WiringRefused(path, missing, [
      `import type { ${type} } from '${from}'`,
      `${table}: ${type}   // in interface Tables`,
    ])
  const tables = source.statements.find(
    (statement): statement is ts.InterfaceDeclaration =>
      ts.isInterfaceDeclaration(statement) && statement.name.text === 'Tables',
  )
  if (!tables) throw refuse('it declares no interface Tables')
  if (tables.members.some((member) => member.name?.getText(source) === table)) {
    throw refuse(`interface Tables already has ${table}`)
  }
  const last = tables.members.at(-1)
  const member = `  ${table}: ${type}`
  return applyEdits(text, [
    ...importEdits(source, [{ names: [type], from, typeOnly: true }]),
    ...emptyInterfaceSuppression(source, tables),
    last ? insertAt(last.getEnd(), `\n${member}`) : insertAt(tables.getEnd() - 1, `\n${member}\n`),
  ])
}

/** The comment that let the interface be empty: with a member, Biome would call it unused. */
function emptyInterfaceSuppression(source: ts.SourceFile, tables: ts.InterfaceDeclaration): TextEdit[] {
  if (tables.members.length > 0) return []
  const comments = ts.getLeadingCommentRanges(source.text, tables.getFullStart()) ?? []
  const suppression = comments.find((comment) =>
    source.text.slice(comment.pos, comment.end).includes('biome-ignore lint/suspicious/noEmptyInterface'),
  )
  if (!suppression) return []
  const end = source.text[suppression.end] === '\n' ? suppression.end + 1 : suppression.end
  return [{ start: suppression.pos, end, text: '' }]
}
