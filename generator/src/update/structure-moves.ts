/**
 * Files the template moved or renamed, by the version that moved them: `anatomy update` moves the
 * service's copy (hand edits and all) before it merges, instead of deleting one file and adding
 * another. A new entry goes at the end when a release moves a file.
 */
export interface StructureMove {
  /** The first version with the file at `to`. */
  readonly since: string
  readonly from: string
  readonly to: string
}

export const structureMoves: readonly StructureMove[] = []

/** The moves a service made by `fromVersion` has not had yet, oldest first. */
export function movesSince(
  fromVersion: string,
  moves: readonly StructureMove[] = structureMoves,
): StructureMove[] {
  return moves.filter((move) => compareVersions(move.since, fromVersion) > 0)
}

function compareVersions(a: string, b: string): number {
  const [pa, pb] = [a, b].map((version) =>
    version.split(/[.-]/).map((part) => Number.parseInt(part, 10) || 0),
  )
  for (let i = 0; i < Math.max(pa?.length ?? 0, pb?.length ?? 0); i++) {
    const difference = (pa?.[i] ?? 0) - (pb?.[i] ?? 0)
    if (difference !== 0) return difference
  }
  return 0
}
