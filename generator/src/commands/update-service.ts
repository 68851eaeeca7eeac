import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { readAnatomyFile } from '../anatomy-file.js'
import { regenerate } from '../regenerate.js'
import { baseSnapshotPath, readBaseSnapshot, writeBaseSnapshot } from '../update/base-snapshot.js'
import { type Tree, treeOf } from '../update/generated-tree.js'
import { movesSince } from '../update/structure-moves.js'
import { type FileUpdate, planUpdate } from '../update/update-plan.js'
import { UsageError } from '../usage-error.js'
import { anatomyVersion } from '../version.js'

export interface UpdateOptions {
  readonly service: string
  readonly dryRun?: boolean
  readonly to?: string
}

/** A merge left conflict markers: the files are written, and the exit code says so. */
export class UpdateConflicts extends Error {
  constructor(readonly files: readonly string[]) {
    super(`conflicts to resolve in ${files.length} file(s): ${files.join(', ')}`)
  }
}

/**
 * `anatomy update`: brings the service to what the installed generator writes, merging three
 * ways from what the generator wrote last time (.anatomy/base.json.gz), so no hand edit is lost.
 */
export async function updateService(options: UpdateOptions): Promise<void> {
  const service = resolve(options.service)
  readAnatomyFile(service)
  if (options.to !== undefined && options.to !== anatomyVersion) {
    throw new UsageError(
      `--to ${options.to}: this anatomy is ${anatomyVersion}, and it updates to its own version; install anatomy ${options.to} to update to that`,
    )
  }
  if (!options.dryRun) assertCleanWorkTree(service)
  await withUpdate(service, async ({ updates, fresh, baseVersion }) => {
    if (updates.length === 0) {
      console.log(`${service} is in step with anatomy ${anatomyVersion}: nothing to update`)
      return
    }
    console.log(
      `anatomy update ${baseVersion} -> ${anatomyVersion}${options.dryRun ? ' would change' : ''}, in ${service}:`,
    )
    console.log(describeUpdates(updates))
    if (options.dryRun) return
    await applyUpdates(service, fresh, updates)
    await writeBaseSnapshot(service, anatomyVersion, await treeOf(fresh))
    const conflicts = updates.filter((update) => update.kind === 'conflict').map((update) => update.path)
    if (conflicts.length > 0) throw new UpdateConflicts(conflicts)
  })
}

/** `anatomy check`: non-zero when the installed generator writes something the service has not had. */
export async function checkService(options: { readonly service: string }): Promise<boolean> {
  const service = resolve(options.service)
  readAnatomyFile(service)
  return withUpdate(service, async ({ updates }) => {
    if (updates.length === 0) {
      console.log(`in step with anatomy ${anatomyVersion}`)
      return true
    }
    console.log(`behind anatomy ${anatomyVersion}: anatomy update would change`)
    console.log(describeUpdates(updates))
    return false
  })
}

/**
 * `anatomy update --record-base`: for a service made before anatomy kept a base, records what the
 * installed generator writes as what the service was made from. Run it only when the service is in
 * step with the installed generator (its drift test passes); later updates merge from there.
 */
export async function recordBase(options: { readonly service: string }): Promise<void> {
  const service = resolve(options.service)
  readAnatomyFile(service)
  await withFreshGeneration(service, async (fresh) =>
    writeBaseSnapshot(service, anatomyVersion, await treeOf(fresh)),
  )
  console.log(`recorded ${baseSnapshotPath}: what anatomy ${anatomyVersion} writes for this service`)
}

interface UpdateContext {
  readonly updates: FileUpdate[]
  /** The service as the installed generator writes it, in a folder removed afterwards. */
  readonly fresh: string
  readonly baseVersion: string
}

async function withUpdate<T>(service: string, work: (context: UpdateContext) => Promise<T>): Promise<T> {
  const base = await readBaseSnapshot(service)
  if (!base) {
    throw new UsageError(
      `${service} has no ${baseSnapshotPath}, the record of what the generator wrote: run anatomy update --record-base once while the service is in step with the generator`,
    )
  }
  return withFreshGeneration(service, async (fresh) => {
    const [theirs, ours] = await Promise.all([treeOf(fresh), treeOf(service)])
    const updates = planUpdate(base.tree, theirs, ours, movesSince(base.version))
    return work({ updates, fresh, baseVersion: base.version })
  })
}

async function withFreshGeneration<T>(service: string, work: (fresh: string) => Promise<T>): Promise<T> {
  const parent = await mkdtemp(join(tmpdir(), 'anatomy-update-'))
  try {
    return await work(await regenerate(service, parent))
  } finally {
    await rm(parent, { recursive: true, force: true })
  }
}

function assertCleanWorkTree(service: string): void {
  const status = spawnSync('git', ['status', '--porcelain', '--untracked-files=normal', '.'], {
    cwd: service,
    encoding: 'utf8',
  })
  if (status.status !== 0) {
    throw new UsageError(
      `${service} is not in a git work tree: anatomy update merges only where git can show and undo it`,
    )
  }
  if (status.stdout.trim() !== '') {
    throw new UsageError(
      `${service} has uncommitted changes: commit or stash them first, so the update is one change of its own\n${status.stdout.trimEnd()}`,
    )
  }
}

async function applyUpdates(service: string, fresh: string, updates: readonly FileUpdate[]): Promise<void> {
  for (const update of updates) {
    const target = join(service, update.path)
    if (update.kind === 'move') {
      await mkdir(dirname(join(service, update.to)), { recursive: true })
      await rename(target, join(service, update.to))
    } else if (update.kind === 'delete') {
      await rm(target, { force: true })
    } else if (update.file !== undefined) {
      await mkdir(dirname(target), { recursive: true })
      if ('text' in update.file) await writeFile(target, update.file.text)
      else if (existsSync(join(fresh, update.path))) await copyFile(join(fresh, update.path), target)
    }
  }
}

function describeUpdates(updates: readonly FileUpdate[]): string {
  return updates
    .map((update) => {
      if (update.kind === 'move') return `move      ${update.path} -> ${update.to}`
      const label = { write: 'update', delete: 'delete', conflict: 'CONFLICT' }[update.kind]
      return `${label.padEnd(9)} ${update.path}: ${update.why}`
    })
    .join('\n')
}

export type { Tree }
