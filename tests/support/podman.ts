import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RunResult, run } from './run.js'
import { freePort } from './service-process.js'

/** Podman and the runtime it is configured with here, runc. */
export function podmanInstalled(): boolean {
  return ['podman', 'runc'].every(
    (command) => spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0,
  )
}

/**
 * What podman needs to build and run as root on a machine like this one, where the default
 * ulimits cannot be raised and crun is not installed.
 */
const containersConf = `[containers]
default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]

[engine]
runtime = "runc"
`

export interface Podman {
  /** Runs podman; never throws on a non-zero exit. */
  (args: readonly string[]): Promise<RunResult>
  /** Runs podman and returns what it printed; throws with its output on a non-zero exit. */
  ok(args: readonly string[]): Promise<string>
  /** A folder of this session's own, removed by close(). */
  readonly folder: string
  close(): Promise<void>
}

/** Podman with a containers.conf of this session's own, so nothing in /etc needs to change. */
export async function openPodman(): Promise<Podman> {
  const folder = await mkdtemp(join(tmpdir(), 'podman-'))
  const conf = join(folder, 'containers.conf')
  await writeFile(conf, containersConf)
  const podman = (args: readonly string[]) => run('podman', args, { env: { CONTAINERS_CONF: conf } })
  const ok = async (args: readonly string[]) => {
    const result = await podman(args)
    if (result.code !== 0) {
      throw new Error(`podman ${args.join(' ')} exited ${result.code}:\n${result.stdout}\n${result.stderr}`)
    }
    return result.stdout.trim()
  }
  return Object.assign(podman, {
    ok,
    folder,
    close: () => rm(folder, { recursive: true, force: true }),
  })
}

export interface Container {
  readonly name: string
  readonly baseUrl: string
  logs(): Promise<string>
  /** The container's first process as the host sees it: its uids and gids, and its command line. */
  firstProcess(): Promise<{ uids: string[]; gids: string[]; command: string[] }>
  /** `podman stop`: SIGTERM, then SIGKILL after the grace period; the exit code and how long it took. */
  stop(graceSeconds?: number): Promise<{ exitCode: number; tookMs: number }>
  remove(): Promise<void>
}

export interface ContainerOptions {
  readonly name: string
  readonly env?: Record<string, string>
  /** Share the host's network (to reach a database on 127.0.0.1), listening on a free port. */
  readonly hostNetwork?: boolean
  /** The port the image listens on, published to a free port of 127.0.0.1. */
  readonly port?: number
}

export async function startContainer(
  podman: Podman,
  image: string,
  { name, env = {}, hostNetwork = false, port = 8080 }: ContainerOptions,
): Promise<Container> {
  const hostPort = hostNetwork ? await freePort() : undefined
  const environment = hostNetwork ? { ...env, HOST: '127.0.0.1', PORT: String(hostPort) } : env
  await podman.ok([
    'run',
    '--detach',
    '--name',
    name,
    '--health-interval=disable',
    ...(hostNetwork ? ['--network', 'host'] : ['--publish', `127.0.0.1::${port}`]),
    ...Object.entries(environment).flatMap(([key, value]) => ['--env', `${key}=${value}`]),
    image,
  ])
  const address = hostNetwork ? `127.0.0.1:${hostPort}` : await podman.ok(['port', name, `${port}/tcp`])
  return {
    name,
    baseUrl: `http://${address}`,
    logs: async () => {
      const { stdout, stderr } = await podman(['logs', name])
      return stdout + stderr
    },
    firstProcess: async () => {
      const pid = await podman.ok(['inspect', '--format', '{{.State.Pid}}', name])
      const status = readFileSync(`/proc/${pid}/status`, 'utf8')
      const ids = (field: string) =>
        new RegExp(`^${field}:\\s+(.*)$`, 'm').exec(status)?.[1]?.split(/\s+/) ?? []
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean)
      return { uids: ids('Uid'), gids: ids('Gid'), command }
    },
    stop: async (graceSeconds = 10) => {
      const startedAt = Date.now()
      await podman.ok(['stop', '--time', String(graceSeconds), name])
      const tookMs = Date.now() - startedAt
      const exitCode = Number(await podman.ok(['inspect', '--format', '{{.State.ExitCode}}', name]))
      return { exitCode, tookMs }
    },
    remove: async () => {
      await podman(['rm', '--force', '--ignore', name])
    },
  }
}
