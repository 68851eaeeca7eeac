/**
 * The values an enum field may take, and the names the domain declares them by: the one place
 * they are written, which the schemas, the resource and the gateway derive theirs from.
 */
export interface Enumeration {
  readonly values: readonly string[]
  /** `petSpecies`: the domain's constant listing the values. */
  readonly constant: string
  /** `PetSpecies`: their union type. */
  readonly type: string
}

/** What a field type means in each layer of a service. */
export interface FieldType {
  /** TypeBox expression validating a value sent by a client. */
  readonly requestSchema: (enumeration: Enumeration) => string
  /** TypeBox expression describing the value in a response. */
  readonly responseSchema: (enumeration: Enumeration) => string
  /** TypeScript type in the domain. */
  readonly domainType: (enumeration: Enumeration) => string
  /** TypeScript type of the column as the database returns it. */
  readonly rowType: string
  /** Column type for kysely's schema builder. */
  readonly columnType: string
  /**
   * How `GET /<plural>` can filter on it: `eq` by `?<field>=<value>`, `range` by `?<field>.gte=`
   * and `?<field>.lte=`, `in` by `?<field>.in=a,b`.
   */
  readonly filters: readonly Filter[]
  /** Whether a list can be ordered by it (when it is required: an order needs a value in every row). */
  readonly sortable: boolean
  /** Text compared byte by byte (COLLATE "C"), so PostgreSQL, PGlite and the fake agree on its order. */
  readonly collated: boolean
  /** Strings are trimmed by the domain, and required ones may not be blank. */
  readonly isString: boolean
  /** Two distinct example values, as TypeScript literals, for generated tests. */
  readonly examples: (values: readonly string[]) => readonly [string, string]
  /** The same examples as a client writes them in JSON, when that differs. */
  readonly jsonExamples?: (values: readonly string[]) => readonly [string, string]
  /** How the resource turns the domain value into JSON (identity when omitted). */
  readonly toJson?: (expression: string) => string
  /** How the resource turns the request value into the domain value (identity when omitted). */
  readonly fromJson?: (expression: string) => string
}

export type Filter = 'eq' | 'range' | 'in'

const quoted = (value: string) => `'${value}'`

export const fieldTypes: Record<string, FieldType> = {
  string: {
    requestSchema: () => 'Type.String({ minLength: 1, maxLength: 200, pattern: noNul })',
    responseSchema: () => 'Type.String()',
    domainType: () => 'string',
    rowType: 'string',
    columnType: "'text'",
    filters: ['eq'],
    sortable: true,
    collated: true,
    isString: true,
    examples: () => ["'Alpha'", "'Beta'"],
  },
  text: {
    requestSchema: () => 'Type.String({ maxLength: 10_000, pattern: noNul })',
    responseSchema: () => 'Type.String()',
    domainType: () => 'string',
    rowType: 'string',
    columnType: "'text'",
    filters: [],
    sortable: false,
    collated: true,
    isString: true,
    examples: () => ["'A longer text.'", "'Another text.'"],
  },
  integer: {
    requestSchema: () => 'Type.Integer({ minimum: -2_147_483_648, maximum: 2_147_483_647 })',
    responseSchema: () => 'Type.Integer()',
    domainType: () => 'number',
    rowType: 'number',
    columnType: "'integer'",
    filters: ['eq', 'range'],
    sortable: true,
    collated: false,
    isString: false,
    examples: () => ['3', '7'],
  },
  number: {
    requestSchema: () => 'Type.Number()',
    responseSchema: () => 'Type.Number()',
    domainType: () => 'number',
    rowType: 'number',
    columnType: "'double precision'",
    filters: ['eq', 'range'],
    sortable: true,
    collated: false,
    isString: false,
    examples: () => ['1.5', '2.25'],
  },
  boolean: {
    requestSchema: () => 'Type.Boolean()',
    responseSchema: () => 'Type.Boolean()',
    domainType: () => 'boolean',
    rowType: 'boolean',
    columnType: "'boolean'",
    filters: ['eq'],
    sortable: true,
    collated: false,
    isString: false,
    examples: () => ['true', 'false'],
  },
  date: {
    requestSchema: () => "Type.String({ format: 'date' })",
    responseSchema: () => "Type.String({ format: 'date' })",
    domainType: () => 'string',
    rowType: 'string',
    columnType: "'date'",
    filters: ['eq', 'range'],
    sortable: true,
    collated: false,
    isString: false,
    examples: () => ["'2024-01-31'", "'2024-02-29'"],
  },
  datetime: {
    requestSchema: () => "Type.String({ format: 'date-time' })",
    responseSchema: () => "Type.String({ format: 'date-time' })",
    domainType: () => 'Date',
    rowType: 'Date',
    columnType: "'timestamptz'",
    filters: ['range'],
    sortable: true,
    collated: false,
    isString: false,
    examples: () => ["new Date('2024-01-31T10:00:00.000Z')", "new Date('2024-02-29T23:30:00.000Z')"],
    jsonExamples: () => ["'2024-01-31T10:00:00.000Z'", "'2024-02-29T23:30:00.000Z'"],
    toJson: (expression) => `${expression}.toISOString()`,
    fromJson: (expression) => `new Date(${expression})`,
  },
  uuid: {
    requestSchema: () => "Type.String({ format: 'uuid' })",
    responseSchema: () => "Type.String({ format: 'uuid' })",
    domainType: () => 'string',
    rowType: 'string',
    columnType: "'uuid'",
    filters: ['eq'],
    sortable: true,
    collated: false,
    isString: false,
    examples: () => ["'0b6b5a5e-4d8f-4c3a-9a59-0e2f0c6b8a11'", "'6f1d7c2b-3e4a-4b5c-8d6e-7f8091a2b3c4'"],
  },
  ref: {
    requestSchema: () => "Type.String({ format: 'uuid' })",
    responseSchema: () => "Type.String({ format: 'uuid' })",
    domainType: () => 'string',
    rowType: 'string',
    columnType: "'uuid'",
    filters: ['eq'],
    sortable: false,
    collated: false,
    isString: false,
    examples: () => ["'0195d6c2-0000-7000-8000-00000000000a'", "'0195d6c2-0000-7000-8000-00000000000b'"],
  },
  enum: {
    requestSchema: ({ constant }) => `Type.Enum(${constant})`,
    responseSchema: ({ constant }) => `Type.Enum(${constant})`,
    domainType: ({ type }) => type,
    rowType: 'string',
    columnType: "'text'",
    filters: ['eq', 'in'],
    sortable: true,
    collated: true,
    isString: false,
    examples: (values) => [quoted(values[0] ?? ''), quoted(values[1] ?? values[0] ?? '')],
  },
}

export const fieldTypeNames = [
  ...Object.keys(fieldTypes).filter((name) => name !== 'enum' && name !== 'ref'),
  'enum(a|b|c)',
  'ref(resource)',
]
