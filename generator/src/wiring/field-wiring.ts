import ts from 'typescript'
import type { Wiring } from '../resource/resource-files.js'
import type { FieldModel } from '../resource/resource-model.js'
import type { ResourceNames } from '../resource/resource-name.js'
import {
  addMember,
  addProperty,
  functionNamed,
  interfaceNamed,
  objectOfConstant,
  objectPassedTo,
  objectTyped,
  returnedObject,
} from './members.js'
import { applyEdits, insertAt, type TextEdit } from './text-edits.js'
import { descendants, importEdits, parseSource } from './typescript-source.js'
import { WiringRefused } from './wiring-refused.js'

/** One place a new field goes: what must be found there, and what is put in once found. */
interface Placement {
  readonly what: string
  readonly find: (source: ts.SourceFile) => ts.ObjectLiteralExpression | ts.InterfaceDeclaration | undefined
  readonly text: string
}

/**
 * Every change adding a field makes to a resource's files, each on its syntax tree: the table,
 * the entity, the schemas, the gateway, the resource, the fake and the fixtures the tests share.
 * A file that lost a declaration the field goes into is refused, with what would have been added.
 */
export function fieldWirings(m: ResourceNames, f: FieldModel): Wiring[] {
  const plural = m.kebabPlural
  const filtered = f.filterEq || f.filterRange || f.filterIn
  const entityModule = (from: string) => `${from}/domain/${plural}/${m.kebab}.js`
  const enumImport = (names: readonly string[], from: string, typeOnly: boolean) => (source: ts.SourceFile) =>
    f.enumeration ? importEdits(source, [{ names, from: entityModule(from), typeOnly }]) : []
  const enumType = f.enumeration ? [f.enumeration.type] : []
  return [
    wiring(`src/clients/database/${plural}.table.ts`, [
      {
        what: `interface ${m.Entities}Table`,
        find: (s) => interfaceNamed(s, `${m.Entities}Table`),
        text: `  ${f.column}: ${f.rowTypeInTable}`,
      },
    ]),
    wiring(
      `src/domain/${plural}/${m.kebab}.ts`,
      [
        {
          what: `interface ${m.Entity}Draft`,
          find: (s) => interfaceNamed(s, `${m.Entity}Draft`),
          text: `  readonly ${f.name}?: ${f.domainType}`,
        },
        {
          what: `interface ${m.Entity}`,
          find: (s) => interfaceNamed(s, m.Entity),
          text: `  readonly ${f.name}: ${f.domainType}`,
        },
        ...(filtered
          ? [
              {
                what: `interface ${m.Entity}Filter`,
                find: (s: ts.SourceFile) => interfaceNamed(s, `${m.Entity}Filter`),
                text: `  readonly ${f.name}?: Condition<${f.domainFilterType}>`,
              },
            ]
          : []),
      ],
      (source) => enumDeclaration(source, m, f),
    ),
    wiring(
      `src/resources/${plural}.schemas.ts`,
      [
        {
          what: 'const fields = { ... }',
          find: (s) => objectOfConstant(s, 'fields'),
          text: `  ${f.name}: ${f.requestSchema}`,
        },
        ...[`New${m.Entity}Schema`, `${m.Entity}ChangesSchema`].map((name) => ({
          what: `${name} = Type.Object({ ... })`,
          find: (s: ts.SourceFile) => objectOfConstant(s, name),
          text: `    ${f.name}: Type.Optional(Type.Union([fields.${f.name}, Type.Null()]))`,
        })),
        {
          what: `${m.Entity}Schema = Type.Object({ ... })`,
          find: (s) => objectOfConstant(s, `${m.Entity}Schema`),
          text: `    ${f.name}: Type.Union([${f.responseSchema}, Type.Null()])`,
        },
        ...queryParameters(f).map((text) => ({
          what: `${m.Entity}ListQuerySchema = Type.Object({ ... })`,
          find: (s: ts.SourceFile) => objectOfConstant(s, `${m.Entity}ListQuerySchema`),
          text,
        })),
      ],
      (source) => [
        ...(f.requestSchema.includes('noNul') ? noNulDeclaration(source) : []),
        ...enumImport(f.enumeration ? [f.enumeration.constant] : [], '..', false)(source),
      ],
    ),
    wiring(
      `src/gateways/${plural}.gateway.ts`,
      [
        {
          what: '.values({ ... }) in add',
          find: (s) => objectPassedTo(functionNamed(s, 'add'), 'values'),
          text: `          ${f.column}: draft.${f.name} ?? null`,
        },
        {
          what: '.set({ ... }) in update',
          find: (s) => objectPassedTo(functionNamed(s, 'update'), 'set'),
          text: `          ${f.column}: changes.${f.name}`,
        },
        {
          what: `object returned by to${m.Entity}`,
          find: (s) => returnedObject(functionNamed(s, `to${m.Entity}`)),
          text: `    ${f.name}: ${f.fromRow}`,
        },
      ],
      (source) => [...gatewayFilters(source, f), ...enumImport(enumType, '..', true)(source)],
    ),
    wiring(
      `src/resources/${plural}.resource.ts`,
      [
        {
          what: 'object returned by toJson',
          find: (s) => returnedObject(functionNamed(s, 'toJson')),
          text: `    ${f.name}: ${f.toJson}`,
        },
        ...(filtered
          ? [
              {
                what: 'object returned by filterOf',
                find: (s: ts.SourceFile) => returnedObject(functionNamed(s, 'filterOf')),
                text: `    ${f.name}: conditionOf({ ${conditionParts(f)} })`,
              },
            ]
          : []),
        ...(f.fromJson !== `body.${f.name}`
          ? ['draftOf', 'changesOf'].map((fn) => ({
              what: `object returned by ${fn} (${f.name} arrives as JSON text and needs converting)`,
              find: (s: ts.SourceFile) => returnedObject(functionNamed(s, fn)),
              text: `${f.name}: ${f.fromJson}`,
            }))
          : []),
      ],
      (source) => [
        ...(filtered ? importEdits(source, [{ names: ['conditionOf'], from: './list-query.js' }]) : []),
        ...enumImport(enumType, '..', true)(source),
      ],
    ),
    wiring(`test/fakes/${plural}.fake.ts`, [
      {
        what: `${m.Entity} object built in add`,
        find: (s) => objectTyped(functionNamed(s, 'add'), m.Entity),
        text: `        ${f.name}: draft.${f.name} ?? null`,
      },
    ]),
    wiring(`test/fixtures/${plural}.ts`, [
      {
        what: `a${m.Entity}`,
        find: (s) => objectOfConstant(s, `a${m.Entity}`),
        text: `  ${f.name}: ${f.exampleA}`,
      },
    ]),
    wiring(`test/resources/${plural}.resource.test.ts`, [
      {
        what: `object new${m.Entity} (the body the tests send)`,
        find: (s) => objectOfConstant(s, `new${m.Entity}`) ?? objectOfConstant(s, `new${m.Entity}Fields`),
        text: `  ${f.name}: ${f.jsonExampleA}`,
      },
    ]),
  ]
}

function wiring(
  path: string,
  placements: readonly Placement[],
  more: (source: ts.SourceFile) => TextEdit[] = () => [],
): Wiring {
  return {
    path,
    change: `adds the field to ${[...new Set(placements.map((placement) => placement.what))].join(', ')}`,
    apply: (text) => {
      const source = parseSource(path, text)
      const edits = placements.map((placement) => {
        const found = placement.find(source)
        if (!found) throw new WiringRefused(path, `it has no ${placement.what}`, [placement.text.trim()])
        return ts.isInterfaceDeclaration(found)
          ? addMember(found, placement.text)
          : addProperty(source, found, placement.text)
      })
      return applyEdits(text, [...edits, ...more(source)])
    },
  }
}

function queryParameters(f: FieldModel): string[] {
  return [
    ...(f.filterEq ? [`    ${f.name}: Type.Optional(fields.${f.name})`] : []),
    ...(f.filterRange
      ? [
          `    '${f.name}.gte': Type.Optional(fields.${f.name})`,
          `    '${f.name}.lte': Type.Optional(fields.${f.name})`,
        ]
      : []),
    ...(f.filterIn
      ? [
          `    '${f.name}.in': Type.Optional(Type.String({ pattern: ${f.inPattern}, description: 'Any of these, comma separated.' }))`,
        ]
      : []),
  ]
}

function conditionParts(f: FieldModel): string {
  return [
    ...(f.filterEq ? [`eq: ${f.eqFromQuery}`] : []),
    ...(f.filterRange ? [`gte: ${f.gteFromQuery}`, `lte: ${f.lteFromQuery}`] : []),
    ...(f.filterIn ? [`in: ${f.inFromQuery}`] : []),
  ].join(', ')
}

/** The gateway's list filters on the new column: before it resumes after a cursor. */
function gatewayFilters(source: ts.SourceFile, f: FieldModel): TextEdit[] {
  const lines = [
    ...(f.filterEq
      ? [
          `if (filter.${f.name}?.eq !== undefined) query = query.where('${f.column}', '=', filter.${f.name}.eq)`,
        ]
      : []),
    ...(f.filterRange
      ? [
          `if (filter.${f.name}?.gte !== undefined) query = query.where('${f.column}', '>=', filter.${f.name}.gte)`,
          `if (filter.${f.name}?.lte !== undefined) query = query.where('${f.column}', '<=', filter.${f.name}.lte)`,
        ]
      : []),
    ...(f.filterIn
      ? [
          `if (filter.${f.name}?.in !== undefined) {\nconst values = filter.${f.name}.in\nquery = values.length > 0 ? query.where('${f.column}', 'in', values) : query.where(sql<boolean>\`false\`)\n}`,
        ]
      : []),
  ]
  if (lines.length === 0) return []
  const list = functionNamed(source, 'list')
  const resume =
    list &&
    descendants(list).find(
      (node) => ts.isIfStatement(node) && node.expression.getText(source).startsWith('after !== undefined'),
    )
  if (!resume) {
    throw new WiringRefused(
      source.fileName,
      'its list has no `if (after !== undefined)` to filter before',
      lines,
    )
  }
  return [insertAt(resume.getStart(), `${lines.join('\n')}\n`)]
}

/** An enum's values, declared once in the domain: before the draft, as the generator writes them. */
function enumDeclaration(source: ts.SourceFile, m: ResourceNames, f: FieldModel): TextEdit[] {
  if (!f.enumeration) return []
  const { constant, type, literals } = f.enumeration
  const draft = interfaceNamed(source, `${m.Entity}Draft`)
  if (!draft) return []
  return [
    insertAt(
      draft.getFullStart(),
      `\n\n/** The ${f.name} ${m.aLabel} may have: migrations copy these values into their CHECK constraints. */\nexport const ${constant} = [${literals}] as const\nexport type ${type} = (typeof ${constant})[number]`,
    ),
  ]
}

/** PostgreSQL text cannot hold NUL: the schemas' pattern for it, where text fields had none before. */
function noNulDeclaration(source: ts.SourceFile): TextEdit[] {
  const declared = descendants(source).some(
    (node) => ts.isVariableDeclaration(node) && node.name.getText(source) === 'noNul',
  )
  const fields = source.statements.find(
    (statement) => ts.isVariableStatement(statement) && statement.getText(source).includes('const fields'),
  )
  if (declared || !fields) return []
  return [
    insertAt(
      fields.getFullStart(),
      `\n/** PostgreSQL text cannot hold the NUL character: refused here, as a 400 naming the field. */\nconst noNul = '^[^\\\\u0000]*$'\n`,
    ),
  ]
}
