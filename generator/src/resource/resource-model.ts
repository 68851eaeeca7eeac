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
}

/** Everything the resource templates are rendered with. */
export interface ResourceModel extends ResourceNames {
  readonly fields: readonly FieldModel[]
  readonly requiredFields: readonly FieldModel[]
  readonly optionalFields: readonly FieldModel[]
  readonly textFields: readonly FieldModel[]
  readonly requiredTextFields: readonly FieldModel[]
  readonly filterFields: readonly FieldModel[]
  readonly convertedFields: readonly FieldModel[]
  readonly filterKeys: string
  readonly hasJsonConversions: boolean
  readonly draftFromBody: string
  readonly changesFromBody: string
  readonly firstRequiredField?: FieldModel
  readonly firstRequiredTextField?: FieldModel
  readonly firstOptionalField?: FieldModel
  readonly firstFilterField?: FieldModel
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
  const filterFields = pick((spec) => spec.type.filterable)
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
    convertedFields,
    filterKeys: filterFields.length ? filterFields.map((field) => `'${field.name}'`).join(' | ') : 'never',
    hasJsonConversions,
    draftFromBody: hasJsonConversions ? 'draftOf(request.body)' : 'request.body',
    changesFromBody: hasJsonConversions ? 'changesOf(request.body)' : 'request.body',
    firstRequiredField: requiredFields[0],
    firstRequiredTextField: requiredTextFields[0],
    firstOptionalField: pick((spec) => spec.optional)[0],
    firstFilterField: filterFields[0],
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
  }
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
