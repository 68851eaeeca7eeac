import { camelCase, kebabCase, pascalCase, snakeCase } from 'change-case'
import pluralize from 'pluralize'
import { UsageError } from '../usage-error.js'

export interface ResourceNames {
  /** `PetOwner` */
  readonly Entity: string
  /** `petOwner` */
  readonly entity: string
  /** `PetOwners` */
  readonly Entities: string
  /** `petOwners` */
  readonly entities: string
  /** `pet-owner`: file names */
  readonly kebab: string
  /** `pet-owners`: the URL path and folder names */
  readonly kebabPlural: string
  /** `pet_owners`: the table */
  readonly table: string
  /** `PET_OWNER`: error codes */
  readonly CODE: string
  /** `pet owner`, `pet owners`, `Pet owners`: prose in comments and messages */
  readonly label: string
  readonly labelPlural: string
  readonly EntitiesLabel: string
  /** `a pet`, `an order`, `A pet`, `An order` */
  readonly aLabel: string
  readonly ALabel: string
}

/** Words that would collide with the language, the runtime or names every service already uses. */
export const reservedWords = new Set([
  ...'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with as implements interface let package private protected public static yield await async any boolean number string symbol object never unknown undefined type declare namespace module require'.split(
    ' ',
  ),
  ...'app server config database health docs metrics problem page filter request reply route routes schema schemas service resource gateway client domain migration migrations table tables test error errors limit cursor id'.split(
    ' ',
  ),
])

const shape = /^[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*$/

/** Every spelling of a resource name the generated code needs, or a UsageError saying why not. */
export function resourceNamesOf(input: string): ResourceNames {
  if (!shape.test(input)) {
    throw new UsageError(
      `invalid resource name "${input}": use letters and digits, words joined by - or _ (e.g. pet-owner)`,
    )
  }
  const kebab = kebabCase(input)
  const words = kebab.split('-')
  const last = words.at(-1) ?? kebab
  if (pluralize.isPlural(last) && !pluralize.isSingular(last)) {
    const singular = [...words.slice(0, -1), pluralize.singular(last)].join('-')
    throw new UsageError(`resource names are singular: use "${singular}" rather than "${input}"`)
  }
  const kebabPlural = [...words.slice(0, -1), pluralize.plural(last)].join('-')
  const names: ResourceNames = {
    Entity: pascalCase(kebab),
    entity: camelCase(kebab),
    Entities: pascalCase(kebabPlural),
    entities: camelCase(kebabPlural),
    kebab,
    kebabPlural,
    table: snakeCase(kebabPlural),
    CODE: snakeCase(kebab).toUpperCase(),
    label: words.join(' '),
    labelPlural: kebabPlural.split('-').join(' '),
    EntitiesLabel: capitalised(kebabPlural.split('-').join(' ')),
    aLabel: withArticle(words.join(' ')),
    ALabel: capitalised(withArticle(words.join(' '))),
  }
  const clash = [names.entity, names.entities, kebab].find((name) => reservedWords.has(name))
  const globalClash = [names.Entity, names.entity, names.Entities, names.entities].find(
    (name) => name in globalThis,
  )
  if (clash || globalClash) {
    throw new UsageError(
      `"${input}" is a reserved word here (it clashes with ${clash ?? globalClash}); pick another name`,
    )
  }
  return names
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** "an" before a vowel, "a" otherwise: right for most names, and for every one a reader would pick. */
function withArticle(label: string): string {
  return `${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label}`
}
