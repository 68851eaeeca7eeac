import { pascalCase } from 'change-case'
import type { JsonSchema } from './remote-document.js'

/**
 * Writes the domain's own TypeScript types for a remote's schemas: named after the schema's
 * component or title where it has one, spelled out otherwise. They start as the remote's shapes,
 * and are the domain's to change; the gateway's mapping is what then has to follow.
 */
export class DomainTypes {
  private readonly declared = new Map<string, { key: string; text: string }>()
  private readonly named = new Map<string, string>()

  constructor(
    private readonly resolve: (schema: JsonSchema) => JsonSchema,
    /** Names the port's module declares itself, which no type may take. */
    private readonly reserved: ReadonlySet<string>,
  ) {}

  /** The type of a value of `schema`; `fallbackName` names it when it is an object of its own. */
  typeOf(schema: JsonSchema, fallbackName?: string): string {
    const name =
      this.nameOf(schema) ?? (fallbackName && isObjectSchema(this.resolve(schema)) ? fallbackName : undefined)
    return name === undefined ? this.inline(this.resolve(schema)) : this.declare(name, schema)
  }

  /** An object type of its own made of named members, such as a query's parameters. */
  declareObject(
    name: string,
    members: readonly { name: string; required: boolean; schema: JsonSchema }[],
  ): string {
    const text = `{ ${members.map((member) => this.member(member.name, member.required, member.schema)).join('; ')} }`
    return this.declareText(this.freeName(name, text), text, text)
  }

  /** Every declaration made so far, in the order first needed. */
  declarations(): string[] {
    return [...this.declared].map(([name, { text }]) => `export type ${name} = ${text}`)
  }

  private nameOf(schema: JsonSchema): string | undefined {
    if (typeof schema.$ref === 'string') return pascalCase(schema.$ref.split('/').at(-1) ?? '') || undefined
    const title = typeof schema.title === 'string' ? pascalCase(schema.title) : ''
    return title !== '' && isObjectSchema(schema) ? title : undefined
  }

  private declare(wanted: string, schema: JsonSchema): string {
    const key = JSON.stringify(schema)
    const known = this.named.get(key)
    if (known) return known
    const resolved = this.resolve(schema)
    const name = this.freeName(wanted, key)
    this.named.set(key, name)
    this.declared.set(name, { key, text: '' })
    this.declared.set(name, { key, text: this.inline(resolved) })
    return name
  }

  private declareText(name: string, key: string, text: string): string {
    this.declared.set(name, { key, text })
    return name
  }

  private freeName(wanted: string, key: string): string {
    const base = /^[A-Za-z_$]/.test(wanted) ? wanted : `T${wanted}`
    for (let count = 1; ; count++) {
      const name = count === 1 ? base : `${base}${count}`
      const held = this.declared.get(name)
      if (!this.reserved.has(name) && (!held || held.key === key)) return name
    }
  }

  private inline(schema: JsonSchema): string {
    const type = this.inlineNonNull(schema)
    return schema.nullable === true && type !== 'unknown' ? `${type} | null` : type
  }

  private inlineNonNull(schema: JsonSchema): string {
    if ('const' in schema) return JSON.stringify(schema.const)
    if (Array.isArray(schema.enum)) return union(schema.enum.map((value) => JSON.stringify(value)))
    const alternatives = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined
    if (alternatives) return union(alternatives.map((alternative) => this.typeOf(alternative)))
    if (Array.isArray(schema.allOf)) {
      return (schema.allOf as JsonSchema[]).map((part) => wrap(this.typeOf(part))).join(' & ')
    }
    if (Array.isArray(schema.type)) {
      return union((schema.type as string[]).map((type) => this.inlineNonNull({ ...schema, type })))
    }
    switch (schema.type) {
      case 'string':
        return 'string'
      case 'integer':
      case 'number':
        return 'number'
      case 'boolean':
        return 'boolean'
      case 'null':
        return 'null'
      case 'array':
        return `${wrap(schema.items ? this.typeOf(schema.items as JsonSchema) : 'unknown')}[]`
    }
    if (isObjectSchema(schema)) return this.objectType(schema)
    return 'unknown'
  }

  private objectType(schema: JsonSchema): string {
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>
    const required = new Set((schema.required ?? []) as string[])
    const members = Object.entries(properties).map(([name, property]) =>
      this.member(name, required.has(name), property),
    )
    const additional = schema.additionalProperties
    if (members.length === 0) {
      if (additional === false) return 'Record<string, never>'
      const values =
        typeof additional === 'object' && additional ? this.typeOf(additional as JsonSchema) : 'unknown'
      return `Record<string, ${values}>`
    }
    return `{ ${members.join('; ')} }`
  }

  private member(name: string, required: boolean, schema: JsonSchema): string {
    const key = /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name)
    return `${key}${required ? '' : '?'}: ${this.typeOf(schema)}`
  }
}

export function isObjectSchema(schema: JsonSchema): boolean {
  return schema.type === 'object' || (schema.type === undefined && typeof schema.properties === 'object')
}

function union(types: readonly string[]): string {
  const distinct = [...new Set(types)]
  return distinct.includes('unknown') ? 'unknown' : distinct.join(' | ') || 'never'
}

function wrap(type: string): string {
  return /^[\w$.]+(\[\])*$/.test(type) || /^\{.*\}$/.test(type) ? type : `(${type})`
}
