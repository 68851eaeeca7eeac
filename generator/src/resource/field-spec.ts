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
  /** For `ref(person)`: the resource referred to (many to one), and what deleting it does. */
  readonly reference?: Reference
}

export interface Reference {
  /** The resource's name as given, e.g. `person`. */
  readonly resource: string
  /** Deleting the resource deletes what refers to it; without, the delete is refused (409). */
  readonly cascade: boolean
  /** The field as given, e.g. `owner` for `ownerId`. */
  readonly role: string
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
  const parts = topLevelParts(spec)
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

/** The spec split at its commas, but those inside parentheses: `owner:ref(person, cascade)`. */
function topLevelParts(spec: string): string[] {
  const parts = ['']
  let depth = 0
  for (const character of spec) {
    if (character === '(') depth++
    if (character === ')') depth--
    if (character === ',' && depth === 0) parts.push('')
    else parts[parts.length - 1] += character
  }
  return parts
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
  if (typeName === 'ref') return referenceField(rawName, rawValues, type, optional === '?')
  const values = typeName === 'enum' ? enumValues(rawName, rawValues) : []
  if (typeName !== 'enum' && rawValues !== undefined) {
    throw new UsageError(`type "${typeName}" of field "${rawName}" takes no values`)
  }
  return { name, column: snakeCase(name), typeName, type, values, optional: optional === '?' }
}

/** `owner:ref(person)` is the field ownerId, column owner_id, holding the id of a person. */
function referenceField(
  rawName: string,
  rawValues: string | undefined,
  type: FieldType,
  optional: boolean,
): FieldSpec {
  const [resource = '', ...options] = (rawValues ?? '').split(',').map((value) => value.trim())
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(resource) || options.some((option) => option !== 'cascade')) {
    throw new UsageError(
      `invalid reference "${rawName}": write ${rawName}:ref(person), or ${rawName}:ref(person, cascade) to delete with the person`,
    )
  }
  const role = camelCase(rawName).replace(/Id$/, '')
  const name = `${role}Id`
  if (reservedFields.has(name))
    throw new UsageError(`field "${rawName}" is reserved: every entity has it or needs it`)
  return {
    name,
    column: snakeCase(name),
    typeName: 'ref',
    type,
    values: [],
    optional,
    reference: { resource, cascade: options.includes('cascade'), role },
  }
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
