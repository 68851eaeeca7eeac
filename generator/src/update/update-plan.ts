import { type GeneratedFile, sameFile, type Tree } from './generated-tree.js'
import { mergePackageJson } from './package-json-merge.js'
import type { StructureMove } from './structure-moves.js'
import { mergeText } from './text-merge.js'

/** What an update does to one file of the service. */
export type FileUpdate =
  | { readonly kind: 'write'; readonly path: string; readonly file: GeneratedFile; readonly why: string }
  | { readonly kind: 'delete'; readonly path: string; readonly why: string }
  | { readonly kind: 'move'; readonly path: string; readonly to: string }
  | { readonly kind: 'conflict'; readonly path: string; readonly file?: GeneratedFile; readonly why: string }

/**
 * The three-way merge of a whole service: `base` is what the generator wrote last time, `theirs`
 * what it writes now, `ours` the service as it is. A file only the service changed stays; one
 * only the template changed is taken; one both changed is merged, with conflict markers where
 * their changes meet. A file the user deleted stays deleted, one the user added is not looked at.
 */
export function planUpdate(
  base: Tree,
  theirs: Tree,
  ours: Tree,
  moves: readonly StructureMove[] = [],
): FileUpdate[] {
  const updates: FileUpdate[] = []
  const baseAfterMoves = new Map(base)
  const oursAfterMoves = new Map(ours)
  for (const move of moves) {
    const moved = oursAfterMoves.get(move.from)
    if (moved === undefined || oursAfterMoves.has(move.to)) continue
    updates.push({ kind: 'move', path: move.from, to: move.to })
    oursAfterMoves.delete(move.from)
    oursAfterMoves.set(move.to, moved)
    const before = baseAfterMoves.get(move.from)
    if (before !== undefined) {
      baseAfterMoves.delete(move.from)
      baseAfterMoves.set(move.to, before)
    }
  }
  const paths = [...new Set([...baseAfterMoves.keys(), ...theirs.keys()])].sort()
  for (const path of paths) {
    const update = fileUpdate(path, baseAfterMoves.get(path), theirs.get(path), oursAfterMoves.get(path))
    if (update) updates.push(update)
  }
  return updates
}

function fileUpdate(
  path: string,
  base: GeneratedFile | undefined,
  theirs: GeneratedFile | undefined,
  ours: GeneratedFile | undefined,
): FileUpdate | undefined {
  if (sameFile(base, theirs)) return undefined
  if (theirs === undefined) {
    if (ours === undefined) return undefined
    return sameFile(ours, base)
      ? { kind: 'delete', path, why: 'the template no longer has it' }
      : { kind: 'conflict', path, why: 'the template no longer has it, and it was changed here: kept' }
  }
  if (base === undefined) {
    if (ours === undefined) return { kind: 'write', path, file: theirs, why: 'new in the template' }
    if (sameFile(ours, theirs)) return undefined
    return merged(path, ours, { text: '' }, theirs, 'new in the template, and a file of that name is here')
  }
  if (ours === undefined) return undefined
  if (sameFile(ours, base)) return { kind: 'write', path, file: theirs, why: 'changed in the template' }
  if (sameFile(ours, theirs)) return undefined
  return merged(path, ours, base, theirs, 'changed in the template and here')
}

function merged(
  path: string,
  ours: GeneratedFile,
  base: GeneratedFile,
  theirs: GeneratedFile,
  why: string,
): FileUpdate {
  if (!('text' in ours && 'text' in base && 'text' in theirs)) {
    return { kind: 'conflict', path, why: `${why}; a binary file: kept as it is here` }
  }
  if (path === 'package.json' && base.text !== '') {
    const { text, conflicts } = mergePackageJson(ours.text, base.text, theirs.text)
    return conflicts.length === 0
      ? { kind: 'write', path, file: { text }, why: `${why}: merged by key` }
      : {
          kind: 'conflict',
          path,
          file: { text },
          why: `${why}: ${conflicts.join(', ')} changed on both sides, ours kept`,
        }
  }
  const { text, conflicts } = mergeText(ours.text, base.text, theirs.text)
  return conflicts === 0
    ? { kind: 'write', path, file: { text }, why: `${why}: merged` }
    : { kind: 'conflict', path, file: { text }, why: `${why}: ${conflicts} region(s) marked` }
}
