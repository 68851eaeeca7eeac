import ts from 'typescript'
import { insertAt, type TextEdit } from './text-edits.js'
import { descendants } from './typescript-source.js'

/**
 * Finding the declarations a new field goes into, by what they are rather than where they sit:
 * each finder gives undefined when the file no longer has that shape, and the caller refuses.
 */

export function interfaceNamed(source: ts.SourceFile, name: string): ts.InterfaceDeclaration | undefined {
  return source.statements.find(
    (statement): statement is ts.InterfaceDeclaration =>
      ts.isInterfaceDeclaration(statement) && statement.name.text === name,
  )
}

/** The object literal a top-level `const <name> = { ... }` or `const <name> = f({ ... })` holds. */
export function objectOfConstant(
  source: ts.SourceFile,
  name: string,
): ts.ObjectLiteralExpression | undefined {
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || declaration.name.text !== name) continue
      const value = declaration.initializer
      if (value && ts.isObjectLiteralExpression(value)) return value
      const first = value && ts.isCallExpression(value) ? value.arguments[0] : undefined
      if (first && ts.isObjectLiteralExpression(first)) return first
    }
  }
  return undefined
}

/** The function or method called `name` anywhere in the file: a declaration, or a method of an object. */
export function functionNamed(source: ts.SourceFile, name: string): ts.FunctionLikeDeclaration | undefined {
  return descendants(source).find(
    (node): node is ts.FunctionLikeDeclaration =>
      (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name?.getText(source) === name,
  )
}

/** The object literal a function returns. */
export function returnedObject(
  fn: ts.FunctionLikeDeclaration | undefined,
): ts.ObjectLiteralExpression | undefined {
  const returned = fn && descendants(fn).find(ts.isReturnStatement)?.expression
  return returned && ts.isObjectLiteralExpression(returned) ? returned : undefined
}

/** The object literal passed to the first `.<method>({ ... })` call in a function: `.values(...)`, `.set(...)`. */
export function objectPassedTo(
  fn: ts.FunctionLikeDeclaration | undefined,
  method: string,
): ts.ObjectLiteralExpression | undefined {
  for (const node of fn ? descendants(fn) : []) {
    if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) continue
    const [first] = node.arguments
    if (node.expression.name.text === method && first && ts.isObjectLiteralExpression(first)) return first
  }
  return undefined
}

/** The object literal a function assigns to a constant typed `type`: `const pet: Pet = { ... }`. */
export function objectTyped(
  fn: ts.FunctionLikeDeclaration | undefined,
  type: string,
): ts.ObjectLiteralExpression | undefined {
  for (const node of fn ? descendants(fn) : []) {
    if (ts.isVariableDeclaration(node) && node.type?.getText() === type && node.initializer) {
      if (ts.isObjectLiteralExpression(node.initializer)) return node.initializer
    }
  }
  return undefined
}

/** A property after the object's last, or the first; the service's formatter lays it out. */
export function addProperty(
  source: ts.SourceFile,
  object: ts.ObjectLiteralExpression,
  property: string,
): TextEdit {
  const last = object.properties.at(-1)
  if (!last) return insertAt(object.getEnd() - 1, `\n${property},\n`)
  const after = object.properties.hasTrailingComma
    ? source.text.indexOf(',', last.getEnd()) + 1
    : last.getEnd()
  return insertAt(after, `${object.properties.hasTrailingComma ? '' : ','}\n${property},`)
}

/** A member after the interface's last, or the first. */
export function addMember(interfaceDeclaration: ts.InterfaceDeclaration, member: string): TextEdit {
  const last = interfaceDeclaration.members.at(-1)
  return last
    ? insertAt(last.getEnd(), `\n${member}`)
    : insertAt(interfaceDeclaration.getEnd() - 1, `\n${member}\n`)
}
