import { createHash } from 'node:crypto'
import type { FieldSpec } from './field-spec.js'
import type { ResourceNames } from './resource-name.js'

/** One field, with every snippet the templates print for it. */
export interface FieldModel {
  readonly name: string
  readonly column: string
  readonly optional: boolean
  readonly requestSchema: string
  readonly responseSchema: string
  readonly domainType: string
  readonly domainTypeInEntity: string
  readonly rowTypeInTable: string
  readonly columnType: string
  readonly columnConstraints: string
  readonly toJson: string
  readonly fromJson: string
  readonly exampleA: string
  readonly exampleB: string
  readonly jsonExampleA: string
  readonly jsonExampleB: string
  /** The value conditions on it compare with: the domain type, never null. */
  readonly domainFilterType: string
  readonly filterEq: boolean
  readonly filterRange: boolean
  readonly filterIn: boolean
  /** The condition's parts, as the resource reads them from the query string. */
  readonly eqFromQuery: string
  readonly gteFromQuery: string
  readonly lteFromQuery: string
  readonly inFromQuery: string
  /** `dog|cat`, for the pattern of `?<field>.in=`. */
  readonly inValues: string
  readonly collated: boolean
}

export interface IndexModel {
  readonly name: string
  readonly expression: string
}

/** A field a list can be ordered by, with its column. */
export interface SortFieldModel {
  readonly name: string
  readonly column: string
  readonly collated: boolean
}

/** Everything the resource templates are rendered with. */
export interface ResourceModel extends ResourceNames {
  readonly fields: readonly FieldModel[]
  readonly requiredFields: readonly FieldModel[]
  readonly optionalFields: readonly FieldModel[]
  readonly textFields: readonly FieldModel[]
  readonly requiredTextFields: readonly FieldModel[]
  readonly filterFields: readonly FieldModel[]
  readonly rangeFields: readonly FieldModel[]
  readonly inFields: readonly FieldModel[]
  readonly convertedFields: readonly FieldModel[]
  /** Every field a list can be ordered by: the required sortable ones, then the timestamps. */
  readonly sortFields: readonly SortFieldModel[]
  readonly sortFieldUnion: string
  /** The pattern of `?sort=`: fields, each with an optional `-` for descending, comma separated. */
  readonly sortPattern: string
  /** An index on (column, id) for every column a list filters on: the order a cursor walks. */
  readonly indexes: readonly IndexModel[]
  readonly hasJsonConversions: boolean
  readonly draftFromBody: string
  readonly changesFromBody: string
  readonly firstRequiredField?: FieldModel
  readonly firstRequiredTextField?: FieldModel
  readonly firstOptionalField?: FieldModel
  readonly firstFilterField?: FieldModel
  readonly firstRangeField?: FieldModel
  readonly firstInField?: FieldModel
  readonly firstSortField: SortFieldModel
  readonly firstRequiredOrAnyField: FieldModel
  /** The field tests change: a required one when there is one. */
  readonly changeField: FieldModel
  readonly migrationId: string
  readonly migrationImport: string
}

export function resourceModelOf(
  names: ResourceNames,
  specs: readonly FieldSpec[],
  migrationId: string,
): ResourceModel {
  const fields = specs.map((spec) => fieldModelOf(spec, names.entity))
  const pick = (predicate: (spec: FieldSpec) => boolean) =>
    fields.filter((_, index) => predicate(specs[index] as FieldSpec))
  const requiredFields = pick((spec) => !spec.optional)
  const textFields = pick((spec) => spec.type.isString)
  const filterFields = pick((spec) => spec.type.filters.length > 0)
  const eqFields = pick((spec) => spec.type.filters.includes('eq'))
  const rangeFields = pick((spec) => spec.type.filters.includes('range'))
  const inFields = pick((spec) => spec.type.filters.includes('in'))
  const sortFields: SortFieldModel[] = [
    ...pick((spec) => spec.type.sortable && !spec.optional).map(({ name, column, collated }) => ({
      name,
      column,
      collated,
    })),
    { name: 'createdAt', column: 'created_at', collated: false },
    { name: 'updatedAt', column: 'updated_at', collated: false },
  ]
  const sortNames = sortFields.map((field) => field.name).join('|')
  const convertedFields = pick((spec) => spec.type.fromJson !== undefined)
  const requiredTextFields = textFields.filter((field) => !field.optional)
  const first = fields[0] as FieldModel
  const hasJsonConversions = convertedFields.length > 0
  return {
    ...names,
    fields,
    requiredFields,
    optionalFields: pick((spec) => spec.optional),
    textFields,
    requiredTextFields,
    filterFields,
    rangeFields,
    inFields,
    convertedFields,
    sortFields,
    sortFieldUnion: sortFields.map((field) => `'${field.name}'`).join(' | '),
    sortPattern: `^-?(${sortNames})(,-?(${sortNames}))*$`,
    indexes: filterFields.map((field) => ({
      name: identifierOf(`${names.table}_${field.column}_id`),
      expression: `${field.column}${field.collated ? ' collate "C"' : ''}, id`,
    })),
    hasJsonConversions,
    draftFromBody: hasJsonConversions ? 'draftOf(request.body)' : 'request.body',
    changesFromBody: hasJsonConversions ? 'changesOf(request.body)' : 'request.body',
    firstRequiredField: requiredFields[0],
    firstRequiredTextField: requiredTextFields[0],
    firstOptionalField: pick((spec) => spec.optional)[0],
    firstFilterField: eqFields[0],
    firstRangeField: rangeFields.find((field) => !field.optional),
    firstInField: inFields.find((field) => !field.optional),
    firstSortField: sortFields[0] as SortFieldModel,
    firstRequiredOrAnyField: requiredFields[0] ?? first,
    changeField: requiredFields[0] ?? first,
    migrationId,
    migrationImport: `create${names.Entities}`,
  }
}

function fieldModelOf(spec: FieldSpec, entity: string): FieldModel {
  const { type, values, optional, name } = spec
  const orNull = (text: string) => (optional ? `${text} | null` : text)
  const [exampleA, exampleB] = type.examples(values)
  const [jsonExampleA, jsonExampleB] = type.jsonExamples?.(values) ?? [exampleA, exampleB]
  const value = `${entity}.${name}`
  const toJson = type.toJson
    ? optional
      ? `${value} ? ${type.toJson(value)} : null`
      : type.toJson(value)
    : value
  const bodyValue = `body.${name}`
  const fromQuery = (expression: string) =>
    type.fromJson ? `${expression} === undefined ? undefined : ${type.fromJson(expression)}` : expression
  return {
    name,
    column: spec.column,
    optional,
    requestSchema: type.requestSchema(values),
    responseSchema: type.responseSchema(values),
    domainType: orNull(type.domainType(values)),
    domainTypeInEntity: orNull(type.domainType(values)),
    rowTypeInTable: orNull(type.rowType === 'enum' ? type.domainType(values) : type.rowType),
    columnType: type.columnType,
    columnConstraints: columnConstraintsOf(spec),
    toJson,
    fromJson: type.fromJson ? `${bodyValue} == null ? ${bodyValue} : ${type.fromJson(bodyValue)}` : bodyValue,
    exampleA,
    exampleB,
    jsonExampleA,
    jsonExampleB,
    domainFilterType: type.domainType(values),
    filterEq: type.filters.includes('eq'),
    filterRange: type.filters.includes('range'),
    filterIn: type.filters.includes('in'),
    eqFromQuery: fromQuery(`query.${name}`),
    gteFromQuery: fromQuery(`query['${name}.gte']`),
    lteFromQuery: fromQuery(`query['${name}.lte']`),
    inFromQuery: `query['${name}.in']?.split(',') as (${type.domainType(values)})[] | undefined`,
    inValues: values.join('|'),
    collated: type.collated,
  }
}

/** PostgreSQL cuts names at 63 bytes, and two long ones cut alike would clash: those get a hash. */
function identifierOf(name: string): string {
  if (name.length <= 63) return name
  return `${name.slice(0, 54)}_${createHash('sha256').update(name).digest('hex').slice(0, 8)}`
}

function columnConstraintsOf({ column, optional, values }: FieldSpec): string {
  const constraints = [
    ...(optional ? [] : ['notNull()']),
    ...(values.length
      ? [`check(sql\`${column} in (${values.map((value) => `'${value}'`).join(', ')})\`)`]
      : []),
  ]
  return constraints.length ? `, (column) => column.${constraints.join('.')}` : ''
}
