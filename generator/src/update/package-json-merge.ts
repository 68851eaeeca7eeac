import { mergeText } from './text-merge.js'

type Json = Record<string, unknown>

/** The members of package.json that are maps of names to values: merged name by name. */
const keyed = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
  'scripts',
  'overrides',
  'engines',
]

export interface MergedPackage {
  readonly text: string
  /** `dependencies.kysely`: each name both sides gave different values; ours is kept. */
  readonly conflicts: readonly string[]
}

/**
 * package.json merged three ways by key: a dependency the template added, bumped or removed
 * arrives, one the service added or pinned stays, and a name both changed differently keeps the
 * service's value and is reported. The rest of the file merges as text.
 */
export function mergePackageJson(ours: string, base: string, theirs: string): MergedPackage {
  const [o, b, t] = [ours, base, theirs].map((text) => JSON.parse(text) as Json) as [Json, Json, Json]
  const conflicts: string[] = []
  const merged: Json = {}
  for (const key of new Set([...Object.keys(o), ...Object.keys(t)])) {
    if (!keyed.includes(key)) continue
    const values = mergeMaps(asMap(o[key]), asMap(b[key]), asMap(t[key]), (name) =>
      conflicts.push(`${key}.${name}`),
    )
    if (Object.keys(values).length > 0 || key in o) merged[key] = values
  }
  // The other members, merged as text with the keyed ones taken out of all three sides.
  const rest = mergeText(...([o, b, t].map((side) => withoutKeyed(side)) as [string, string, string]))
  if (rest.conflicts > 0) return { text: rest.text, conflicts: [...conflicts, '(the rest of package.json)'] }
  const others = JSON.parse(rest.text) as Json
  const ordered: Json = {}
  for (const key of [...Object.keys(o), ...Object.keys(t)]) {
    if (key in ordered) continue
    if (key in merged) ordered[key] = merged[key]
    else if (key in others) ordered[key] = others[key]
  }
  return { text: `${JSON.stringify(ordered, null, 2)}\n`, conflicts }
}

function mergeMaps(ours: Json, base: Json, theirs: Json, conflict: (name: string) => void): Json {
  const merged: Json = {}
  for (const name of new Set([...Object.keys(ours), ...Object.keys(theirs), ...Object.keys(base)])) {
    const [o, b, t] = [ours[name], base[name], theirs[name]].map((value) => JSON.stringify(value))
    if (o !== b && t !== b && o !== t) conflict(name)
    const value = o === b ? theirs[name] : ours[name]
    if (value !== undefined) merged[name] = value
  }
  return merged
}

const asMap = (value: unknown): Json => (value && typeof value === 'object' ? (value as Json) : {})

function withoutKeyed(side: Json): string {
  return `${JSON.stringify(Object.fromEntries(Object.entries(side).filter(([key]) => !keyed.includes(key))), null, 2)}\n`
}
