import { camelCase, snakeCase } from 'change-case'
import { UsageError } from '../usage-error.js'
import { type FieldType, fieldTypeNames, fieldTypes } from './field-types.js'

export interface FieldSpec {
  readonly name: string
  readonly column: string
  readonly typeName: string
  readonly type: FieldType
  readonly values: readonly string[]
  readonly optional: boolean
}

const fieldPattern = /^([A-Za-z][A-Za-z0-9_]*)\s*:\s*([a-z]+)(?:\(([^)]*)\))?(\?)?$/
const enumValuePattern = /^[A-Za-z0-9][A-Za-z0-9_-]*$/
/** Every entity has these already, and the others would break plain JavaScript objects. */
const reservedFields = new Set([
  'id',
  'createdAt',
  'updatedAt',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'toJSON',
])

/** Parses `name:string,owner:string,description:text?,species:enum(dog|cat)`, or says what is wrong. */
export function parseFieldSpecs(spec: string): FieldSpec[] {
  const parts = spec
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
  if (parts.length === 0) throw new UsageError('no fields given: --fields "name:string,notes:text?"')
  const fields = parts.map(parseField)
  const seen = new Set<string>()
  for (const field of fields) {
    if (seen.has(field.name)) throw new UsageError(`field "${field.name}" is given twice`)
    seen.add(field.name)
  }
  return fields
}

function parseField(part: string): FieldSpec {
  const match = fieldPattern.exec(part)
  if (!match) {
    throw new UsageError(`invalid field "${part}": write name:type, name:type? or name:enum(a|b)`)
  }
  const [, rawName = '', typeName = '', rawValues, optional] = match
  const name = camelCase(rawName)
  if (reservedFields.has(name))
    throw new UsageError(`field "${rawName}" is reserved: every entity has it or needs it`)
  const type = fieldTypes[typeName]
  if (!type) {
    throw new UsageError(
      `unknown type "${typeName}" for field "${rawName}": use one of ${fieldTypeNames.join(', ')}`,
    )
  }
  const values = typeName === 'enum' ? enumValues(rawName, rawValues) : []
  if (typeName !== 'enum' && rawValues !== undefined) {
    throw new UsageError(`type "${typeName}" of field "${rawName}" takes no values`)
  }
  return { name, column: snakeCase(name), typeName, type, values, optional: optional === '?' }
}

function enumValues(field: string, raw: string | undefined): string[] {
  const values = (raw ?? '').split('|').map((value) => value.trim())
  if (values.length < 2 || values.some((value) => !enumValuePattern.test(value))) {
    throw new UsageError(
      `enum field "${field}" needs two or more values like enum(dog|cat), letters, digits, - and _`,
    )
  }
  if (new Set(values).size !== values.length) throw new UsageError(`enum field "${field}" repeats a value`)
  return values
}
