import { spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { freePort } from './service-process.js'

const binaries = '/usr/lib/postgresql/15/bin'

export interface ThrowawayPostgres {
  readonly url: string
  start(): void
  /** Stops the server the way a crash would: no goodbye to the clients. */
  stop(): void
  destroy(): void
}

/** Whether this machine has a PostgreSQL server installed to make throwaway clusters from. */
export const canMakeThrowawayPostgres = existsSync(join(binaries, 'initdb'))

/**
 * A PostgreSQL cluster of its own on a free port, to stop and start at will without touching
 * the shared server. PostgreSQL refuses to run as root, so as root it runs as `postgres`.
 */
export async function throwawayPostgres(): Promise<ThrowawayPostgres> {
  const port = await freePort()
  const folder = mkdtempSync(join(tmpdir(), 'throwaway-postgres-'))
  const asRoot = userInfo().uid === 0
  if (asRoot) {
    const { uid, gid } = postgresUser()
    chownSync(folder, uid, gid)
  }
  const data = join(folder, 'data')
  const run = (command: string, ...args: string[]) => {
    const full = asRoot
      ? ['runuser', '-u', 'postgres', '--', join(binaries, command), ...args]
      : [join(binaries, command), ...args]
    const { status, stderr, stdout } = spawnSync(full[0] ?? '', full.slice(1), {
      encoding: 'utf8',
      cwd: folder,
    })
    if (status !== 0) throw new Error(`${command} failed: ${stdout}${stderr}`)
  }
  run('initdb', '--auth=trust', '--username=postgres', '--no-sync', '-D', data)
  const start = () =>
    run(
      'pg_ctl',
      '-D',
      data,
      '-l',
      join(folder, 'log'),
      '-w',
      '-o',
      `-p ${port} -k ${folder} -c fsync=off -c listen_addresses=127.0.0.1`,
      'start',
    )
  start()
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop: () => run('pg_ctl', '-D', data, '-m', 'immediate', '-w', 'stop'),
    destroy: () => {
      spawnSync(
        asRoot ? 'runuser' : join(binaries, 'pg_ctl'),
        asRoot
          ? ['-u', 'postgres', '--', join(binaries, 'pg_ctl'), '-D', data, '-m', 'immediate', 'stop']
          : ['-D', data, '-m', 'immediate', 'stop'],
      )
      rmSync(folder, { recursive: true, force: true })
    },
  }
}

function postgresUser(): { uid: number; gid: number } {
  const { stdout } = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' })
  const { stdout: group } = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' })
  return { uid: Number(stdout.trim()), gid: Number(group.trim()) }
}
