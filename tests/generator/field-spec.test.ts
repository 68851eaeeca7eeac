import { describe, expect, it } from 'vitest'
import { parseFieldSpecs } from '../../generator/src/resource/field-spec.js'

describe('field specs', () => {
  it('reads names, types, optional marks and enum values', () => {
    const fields = parseFieldSpecs('name:string, birth_date:date?, species:enum(dog|cat|bird)')

    expect(
      fields.map(({ name, column, typeName, optional, values }) => ({
        name,
        column,
        typeName,
        optional,
        values,
      })),
    ).toEqual([
      { name: 'name', column: 'name', typeName: 'string', optional: false, values: [] },
      { name: 'birthDate', column: 'birth_date', typeName: 'date', optional: true, values: [] },
      {
        name: 'species',
        column: 'species',
        typeName: 'enum',
        optional: false,
        values: ['dog', 'cat', 'bird'],
      },
    ])
  })

  it('knows every documented type', () => {
    const spec = 'a:string,b:text,c:integer,d:number,e:boolean,f:date,g:datetime,h:uuid,i:enum(x|y)'

    expect(parseFieldSpecs(spec).map((field) => field.typeName)).toEqual([
      'string',
      'text',
      'integer',
      'number',
      'boolean',
      'date',
      'datetime',
      'uuid',
      'enum',
    ])
  })

  it.each([
    ['', /no fields given/],
    ['name', /invalid field "name"/],
    ['name:strng', /unknown type "strng".*string, text, integer/],
    ['name:string,name:text', /given twice/],
    ['id:uuid', /reserved/],
    ['createdAt:datetime', /reserved/],
    ['kind:enum(one)', /two or more values/],
    ['kind:enum(a|a)', /repeats a value/],
    ["kind:enum(a|b'c)", /two or more values/],
    ['size:integer(4)', /takes no values/],
    ['9lives:integer', /invalid field/],
  ])('refuses %j', (spec, reason) => {
    expect(() => parseFieldSpecs(spec)).toThrow(reason)
  })
})
