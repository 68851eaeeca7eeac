/**
 * What the in-memory fakes of one test share, as gateways share a database: a table per resource,
 * and the references between them, so a fake refuses what the database would (a reference to an
 * item that does not exist, deleting an item still referred to) and cascades where it would.
 */
export interface Memory {
  readonly tables: Map<string, Map<string, Item>>
  readonly references: MemoryReference[]
}

interface Item {
  readonly id: string
}

/** `from` items refer to `to` items through `field`, as a foreign key does. */
export interface MemoryReference {
  readonly from: string
  readonly field: string
  readonly to: string
  readonly cascade: boolean
}

export const newMemory = (): Memory => ({ tables: new Map(), references: [] })

export function tableIn<T extends Item>(memory: Memory, name: string): Map<string, T> {
  if (!memory.tables.has(name)) memory.tables.set(name, new Map())
  return memory.tables.get(name) as Map<string, T>
}

/** Declares the references a table's items have; declaring them again changes nothing. */
export function declareReferences(memory: Memory, references: readonly MemoryReference[]): void {
  for (const reference of references) {
    const known = memory.references.some(
      (one) => one.from === reference.from && one.field === reference.field,
    )
    if (!known) memory.references.push(reference)
  }
}

/** The first field of an item of `table` whose reference leads to no item. */
export function missingReference(memory: Memory, table: string, item: Item): string | undefined {
  return memory.references
    .filter((reference) => reference.from === table)
    .find((reference) => {
      const id = (item as unknown as Record<string, unknown>)[reference.field]
      return typeof id === 'string' && !tableIn(memory, reference.to).has(id)
    })?.field
}

/**
 * Removes an item, and with it what refers to it with cascade; refused, removing nothing, when
 * anything left would refer to what goes.
 */
export function removeFrom(memory: Memory, table: string, id: string): 'removed' | 'absent' | 'referenced' {
  if (!tableIn(memory, table).has(id)) return 'absent'
  const doomed = new Map<string, Set<string>>()
  const collect = (from: string, removed: string): boolean => {
    if (doomed.get(from)?.has(removed)) return true
    doomed.set(from, (doomed.get(from) ?? new Set()).add(removed))
    return memory.references
      .filter((reference) => reference.to === from)
      .every((reference) =>
        [...tableIn(memory, reference.from).values()]
          .filter((child) => (child as unknown as Record<string, unknown>)[reference.field] === removed)
          .every((child) => reference.cascade && collect(reference.from, child.id)),
      )
  }
  if (!collect(table, id)) return 'referenced'
  for (const [from, ids] of doomed) for (const removed of ids) tableIn(memory, from).delete(removed)
  return 'removed'
}
