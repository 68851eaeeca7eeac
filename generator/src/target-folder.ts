import { readdirSync, statSync } from 'node:fs'
import { UsageError } from './usage-error.js'

/** A service goes into a folder that does not exist yet, or exists and is empty. */
export function assertFreeFolder(path: string): void {
  const stats = statSync(path, { throwIfNoEntry: false })
  if (!stats) return
  if (!stats.isDirectory()) throw new UsageError(`${path} exists and is not a folder`)
  if (readdirSync(path).length > 0) throw new UsageError(`${path} already exists and is not empty`)
}

/** The parent given with --dir must be a folder if it exists; it is created otherwise. */
export function assertUsableParent(path: string): void {
  const stats = statSync(path, { throwIfNoEntry: false })
  if (stats && !stats.isDirectory()) throw new UsageError(`--dir ${path} is not a folder`)
}
