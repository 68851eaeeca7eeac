import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface Merged {
  readonly text: string
  /** Regions both sides changed, each marked inline with <<<<<<< ours / >>>>>>> template. */
  readonly conflicts: number
}

/**
 * `git merge-file`: the change from `base` to `theirs` replayed onto `ours`, line by line; a
 * region both changed keeps both, between conflict markers, with the base between them (diff3).
 */
export function mergeText(ours: string, base: string, theirs: string): Merged {
  const folder = mkdtempSync(join(tmpdir(), 'anatomy-merge-'))
  try {
    const files = { ours: join(folder, 'ours'), base: join(folder, 'base'), theirs: join(folder, 'theirs') }
    writeFileSync(files.ours, ours)
    writeFileSync(files.base, base)
    writeFileSync(files.theirs, theirs)
    const merged = spawnSync(
      'git',
      [
        'merge-file',
        '-p',
        '--diff3',
        '-L',
        'ours',
        '-L',
        'base',
        '-L',
        'template',
        files.ours,
        files.base,
        files.theirs,
      ],
      { encoding: 'utf8' },
    )
    if (merged.status === null || merged.status < 0 || merged.error) {
      throw new Error(`git merge-file failed: ${merged.error?.message ?? merged.stderr}`)
    }
    return { text: merged.stdout, conflicts: merged.status }
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}
