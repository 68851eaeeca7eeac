import { spawnSync } from 'node:child_process'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * An example is a workspace here, yet its image is built from its own folder, with `npm ci` on
 * a lock file of its own: resolved in a folder outside the workspace, so npm treats it as the
 * standalone service it is.
 */
export async function refreshLockFile(service: string): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'anatomy-lock-'))
  try {
    await cp(join(service, 'package.json'), join(folder, 'package.json'))
    await cp(join(service, 'package-lock.json'), join(folder, 'package-lock.json')).catch(() => {})
    const { status, stderr } = spawnSync(
      'npm',
      ['install', '--package-lock-only', '--no-audit', '--no-fund'],
      {
        cwd: folder,
        encoding: 'utf8',
      },
    )
    if (status !== 0) throw new Error(stderr)
    await cp(join(folder, 'package-lock.json'), join(service, 'package-lock.json'))
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}
