import { createHash } from 'node:crypto'
import { UsageError } from '../usage-error.js'
import type { FieldSpec } from './field-spec.js'
import type { Enumeration } from './field-types.js'
import { type ResourceNames, resourceNamesOf } from './resource-name.js'

/** One field, with every snippet the templates print for it. */
export interface FieldModel {
  readonly name: string
  readonly column: string
  readonly optional: boolean
  readonly requestSchema: string
  readonly responseSchema: string
  readonly domainType: string
  readonly rowTypeInTable: string
  /** The domain value, from the gateway's `row`. */
  readonly fromRow: string
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
  /** The pattern of `?<field>.in=`, as a TypeScript expression: the values, comma separated. */
  readonly inPattern: string
  readonly collated: boolean
  /** Set for an enum: its values are declared once, in the domain, and derived everywhere else. */
  readonly enumeration?: EnumerationModel
  /** Set for a reference to another resource (`owner:ref(person)` is `ownerId`). */
  readonly reference?: ReferenceModel
}

export interface EnumerationModel extends Enumeration {
  /** `'dog', 'cat'`: the values as the domain's constant lists them. */
  readonly literals: string
}

/** A field that refers to another resource: many of this to one of that. */
export interface ReferenceModel {
  readonly field: string
  readonly column: string
  /** `owner`, `Owner`: what the other resource is to this one. */
  readonly role: string
  readonly Role: string
  readonly parent: ResourceNames
  readonly cascade: boolean
  readonly optional: boolean
  readonly constraint: string
  /** `/people/:id/pets`: this resource's items that refer to one of the other. */
  readonly nestedPath: string
  readonly nestedOperation: string
  /** The nested path in a template literal of a test, for the referred item added, and for none. */
  readonly nestedPathOf: string
  readonly nestedPathOfUnknown: string
  /** Expressions that store an item of the other resource, and everything it refers to, and give its id. */
  readonly storedThroughGateway: string
  readonly storedInMemory: string
  readonly storedOverHttp: string
}

/** The resources a service has, by name, with their fields: what references can refer to. */
export type KnownResources = ReadonlyMap<string, readonly FieldSpec[]>

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
  readonly enumFields: readonly FieldModel[]
  /** `PetSpecies, PetSize`: the enums' types, for the files that import them from the domain. */
  readonly enumTypes: string
  readonly enumConstants: string
  /** Every field a list can be ordered by: the required sortable ones, then the timestamps. */
  readonly sortFields: readonly SortFieldModel[]
  /** `petSortFields`: the domain's constant listing them, and its values. */
  readonly sortFieldsConstant: string
  readonly sortFieldLiterals: string
  /** The pattern of `?sort=`, as a TypeScript expression: fields, each with an optional `-` for descending, comma separated. */
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
  readonly references: readonly ReferenceModel[]
  /** Each resource referred to, once. */
  readonly parents: readonly ResourceNames[]
  /** Every resource a test must store before this one, parents and theirs: their gateways and fakes are imported. */
  readonly ancestors: readonly ResourceNames[]
}

export function resourceModelOf(
  names: ResourceNames,
  specs: readonly FieldSpec[],
  migrationId: string,
  known: KnownResources = new Map(),
): ResourceModel {
  const references = referencesOf(names, specs, known)
  const fields = specs.map((spec) => ({
    ...fieldModelOf(spec, names),
    reference: references.find((reference) => reference.field === spec.name),
  }))
  const plainFields = fields.filter((field) => !field.reference)
  if (plainFields.length === 0) {
    throw new UsageError(`resource "${names.kebab}" needs a field besides its references, e.g. note:text?`)
  }
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
  const sortFieldsConstant = `${names.entity}SortFields`
  const sortNames = `\${${sortFieldsConstant}.join('|')}`
  const convertedFields = pick((spec) => spec.type.fromJson !== undefined)
  const enumerations = fields.flatMap((field) => (field.enumeration ? [field.enumeration] : []))
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
    enumFields: fields.filter((field) => field.enumeration),
    enumTypes: enumerations.map((enumeration) => enumeration.type).join(', '),
    enumConstants: enumerations.map((enumeration) => enumeration.constant).join(', '),
    sortFields,
    sortFieldsConstant,
    sortFieldLiterals: sortFields.map((field) => `'${field.name}'`).join(', '),
    sortPattern: `\`^-?(${sortNames})(,-?(${sortNames}))*$\``,
    indexes: filterFields.map((field) => ({
      name: identifierOf(`${names.table}_${field.column}_id`),
      // Quoted: a column may be called after an SQL keyword (select, from, order).
      expression: `\${sql.ref('${field.column}')}${field.collated ? ' collate "C"' : ''}, id`,
    })),
    hasJsonConversions,
    draftFromBody: hasJsonConversions ? 'draftOf(request.body)' : 'request.body',
    changesFromBody: hasJsonConversions ? 'changesOf(request.body)' : 'request.body',
    firstRequiredField: requiredFields[0],
    firstRequiredTextField: requiredTextFields[0],
    firstOptionalField: pick((spec) => spec.optional)[0],
    firstFilterField: eqFields.find((field) => !field.reference),
    firstRangeField: rangeFields.find((field) => !field.optional),
    firstInField: inFields.find((field) => !field.optional),
    firstSortField: sortFields[0] as SortFieldModel,
    firstRequiredOrAnyField: requiredFields[0] ?? first,
    changeField: plainFields.find((field) => !field.optional) ?? (plainFields[0] as FieldModel),
    references,
    parents: [...new Map(references.map((reference) => [reference.parent.kebab, reference.parent])).values()],
    ancestors: ancestorsOf(references, known),
    migrationId,
    migrationImport: `create${names.Entities}`,
  }
}

/** `Pet<suffix>`: types the domain declares for every entity, which an enum's type must not take. */
const typesOfEveryEntity = new Set(['Draft', 'Changes', 'Filter', 'SortField', 'ListQuery', 'Json', 'Schema'])

export function fieldModelOf(spec: FieldSpec, names: ResourceNames): FieldModel {
  const { type, values, optional, name } = spec
  const orNull = (text: string) => (optional ? `${text} | null` : text)
  const [exampleA, exampleB] = type.examples(values)
  const [jsonExampleA, jsonExampleB] = type.jsonExamples?.(values) ?? [exampleA, exampleB]
  const Name = name.charAt(0).toUpperCase() + name.slice(1)
  const isEnum = spec.typeName === 'enum'
  if (isEnum && typesOfEveryEntity.has(Name)) {
    throw new UsageError(
      `enum field "${name}" would be typed ${names.Entity}${Name}, a name the ${names.kebab} has already: call it otherwise`,
    )
  }
  const enumeration: Enumeration = {
    values,
    constant: `${names.entity}${Name}`,
    type: `${names.Entity}${Name}`,
  }
  const anyValue = `\${${enumeration.constant}.join('|')}`
  const value = `${names.entity}.${name}`
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
    requestSchema: type.requestSchema(enumeration),
    responseSchema: type.responseSchema(enumeration),
    domainType: orNull(type.domainType(enumeration)),
    rowTypeInTable: orNull(type.rowType),
    // The column's CHECK constraint holds it to the enum's values.
    fromRow: isEnum ? `row.${spec.column} as ${orNull(type.domainType(enumeration))}` : `row.${spec.column}`,
    columnType: type.columnType,
    columnConstraints: columnConstraintsOf(spec),
    toJson,
    fromJson: type.fromJson ? `${bodyValue} == null ? ${bodyValue} : ${type.fromJson(bodyValue)}` : bodyValue,
    exampleA,
    exampleB,
    jsonExampleA,
    jsonExampleB,
    domainFilterType: type.domainType(enumeration),
    filterEq: type.filters.includes('eq'),
    filterRange: type.filters.includes('range'),
    filterIn: type.filters.includes('in'),
    eqFromQuery: fromQuery(`query.${name}`),
    gteFromQuery: fromQuery(`query['${name}.gte']`),
    lteFromQuery: fromQuery(`query['${name}.lte']`),
    // The pattern has let only the enum's values through.
    inFromQuery: `query['${name}.in']?.split(',') as ${type.domainType(enumeration)}[] | undefined`,
    inPattern: `\`^(${anyValue})(,(${anyValue}))*$\``,
    collated: type.collated,
    enumeration: isEnum
      ? { ...enumeration, literals: values.map((value) => `'${value}'`).join(', ') }
      : undefined,
  }
}

function referencesOf(
  names: ResourceNames,
  specs: readonly FieldSpec[],
  known: KnownResources,
): ReferenceModel[] {
  const referring = specs.filter((spec) => spec.reference)
  return referring.map((spec) => {
    const { resource, cascade, role } = spec.reference as NonNullable<FieldSpec['reference']>
    const parent = resourceNamesOf(resource)
    if (parent.kebab === names.kebab) {
      throw new UsageError(
        `field "${role}" refers to ${names.kebab} itself: a resource cannot refer to itself yet`,
      )
    }
    if (!known.has(parent.kebab)) {
      throw new UsageError(
        `field "${role}" refers to ${parent.kebab}, which the service does not have: add the resource ${parent.kebab} first`,
      )
    }
    const shared = referring.filter((other) => other.reference?.resource === resource).length > 1
    const Role = role.charAt(0).toUpperCase() + role.slice(1)
    const nestedPath = `/${parent.kebabPlural}/:id/${names.kebabPlural}${shared ? `-as-${kebabOf(role)}` : ''}`
    return {
      field: spec.name,
      column: spec.column,
      role,
      Role,
      parent,
      cascade,
      optional: spec.optional,
      constraint: identifierOf(`${names.table}_${spec.column}_fkey`),
      nestedPath,
      nestedPathOf: nestedPath.replace(':id', `\${added.${spec.name}}`),
      nestedPathOfUnknown: nestedPath.replace(':id', `\${unknownId}`),
      nestedOperation: `list${names.Entities}Of${Role}`,
      storedThroughGateway: stored(
        parent,
        known,
        (p, draft) => `(await create${p.Entities}Gateway(db).add(${draft})).id`,
      ),
      storedInMemory: stored(
        parent,
        known,
        (p, draft) => `(await createFake${p.Entity}Repository(memory).add(${draft})).id`,
      ),
      storedOverHttp: stored(
        parent,
        known,
        (p, draft) => `(await app.http.post('/${p.kebabPlural}').send(${draft}).expect(201)).body.id`,
        true,
      ),
    }
  })
}

/**
 * An expression storing an item of `resource` with its required fields at their first example,
 * each reference it has stored first, the same way: what a test does before it can store the
 * resource that refers to it.
 */
function stored(
  resource: ResourceNames,
  known: KnownResources,
  store: (resource: ResourceNames, draft: string) => string,
  json = false,
): string {
  const fields = (known.get(resource.kebab) ?? []).filter((spec) => !spec.optional)
  const values = fields.map((spec) => {
    if (spec.reference)
      return `${spec.name}: ${stored(resourceNamesOf(spec.reference.resource), known, store, json)}`
    const [exampleA = ''] = json
      ? (spec.type.jsonExamples?.(spec.values) ?? spec.type.examples(spec.values))
      : spec.type.examples(spec.values)
    return `${spec.name}: ${exampleA}`
  })
  return store(resource, `{ ${values.join(', ')} }`)
}

function ancestorsOf(references: readonly ReferenceModel[], known: KnownResources): ResourceNames[] {
  const found = new Map<string, ResourceNames>()
  const visit = (resource: ResourceNames) => {
    if (found.has(resource.kebab)) return
    found.set(resource.kebab, resource)
    // Only what must be stored first: a parent's required references, not its optional ones.
    for (const spec of known.get(resource.kebab) ?? []) {
      if (spec.reference && !spec.optional) visit(resourceNamesOf(spec.reference.resource))
    }
  }
  for (const reference of references) visit(reference.parent)
  return [...found.values()]
}

const kebabOf = (camel: string) => camel.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)

/** PostgreSQL cuts names at 63 bytes, and two long ones cut alike would clash: those get a hash. */
export function identifierOf(name: string): string {
  if (name.length <= 63) return name
  return `${name.slice(0, 54)}_${createHash('sha256').update(name).digest('hex').slice(0, 8)}`
}

function columnConstraintsOf({ column, optional, values }: FieldSpec): string {
  const constraints = [
    ...(optional ? [] : ['notNull()']),
    ...(values.length
      ? [`check(sql\`\${sql.ref('${column}')} in (${values.map((value) => `'${value}'`).join(', ')})\`)`]
      : []),
  ]
  return constraints.length ? `, (column) => column.${constraints.join('.')}` : ''
}
