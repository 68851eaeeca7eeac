import ts from 'typescript'
import { applyEdits, insertAt } from './text-edits.js'
import { namespaceImportEdit, parseSource } from './typescript-source.js'
import { WiringRefused } from './wiring-refused.js'

const path = 'src/migrations/index.ts'

/** Adds a migration to the `migrations` object kysely's migrator reads, and imports its module. */
export function addToMigrations(text: string, id: string, name: string): string {
  const source = parseSource(path, text)
  const from = `./${id}.js`
  const refuse = (missing: string) =>
    new WiringRefused(path, missing, [
      `import * as ${name} from '${from}'`,
      `'${id}': ${name},   // in export const migrations = { ... }`,
    ])
  const list = migrationsObject(source)
  if (!list) throw refuse('it has no `export const migrations = { ... }`')
  if (list.properties.some((property) => property.name && keyOf(property.name) === id)) {
    throw refuse(`migrations already has '${id}'`)
  }
  const entry = `  '${id}': ${name},`
  const last = list.properties.at(-1)
  const after =
    last && (list.properties.hasTrailingComma ? text.indexOf(',', last.getEnd()) + 1 : last.getEnd())
  return applyEdits(text, [
    ...namespaceImportEdit(source, name, from),
    after
      ? insertAt(after, `${list.properties.hasTrailingComma ? '' : ','}\n${entry}`)
      : insertAt(list.getEnd() - 1, `\n${entry}\n`),
  ])
}

function migrationsObject(source: ts.SourceFile): ts.ObjectLiteralExpression | undefined {
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || declaration.name.text !== 'migrations') continue
      let value = declaration.initializer
      // `{ ... } satisfies Record<string, Migration>`, `({ ... })`, `{ ... } as const`
      while (
        value &&
        (ts.isSatisfiesExpression(value) || ts.isAsExpression(value) || ts.isParenthesizedExpression(value))
      ) {
        value = value.expression
      }
      if (value && ts.isObjectLiteralExpression(value)) return value
    }
  }
  return undefined
}

function keyOf(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)
    ? name.text
    : undefined
}
