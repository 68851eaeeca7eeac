import { spawnSync } from 'node:child_process'
import { accessSync, constants, existsSync, realpathSync } from 'node:fs'
import { chmod, chown, copyFile, cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { delimiter, dirname, join } from 'node:path'
import type { Podman } from './podman.js'
import { run } from './run.js'

/** What the Dockerfiles' RUN lines and npm's scripts call besides node: sh, and these. */
const tools = ['mkdir', 'mv', 'test', 'env']

/** ADD of an archive keeps its owners, which COPY would reset: /home/node stays node's. */
const containerfile = `FROM scratch
ADD root.tar /
ENV PATH=/usr/local/bin:/usr/bin:/bin
CMD ["node"]
`

/**
 * Builds, from scratch, a stand-in for the official node image where none can be pulled: the
 * given Node release (from the npm registry), the host's npm, sh and a few tools with their
 * shared libraries, the whole C library as Debian's slim images have it (native addons such as
 * onnxruntime load more of it than node does), a `node` user with uid 1000, and the host's npm
 * registry settings, so `npm ci` in a build reaches the registry the host uses.
 */
export async function buildNodeBaseImage(podman: Podman, tag: string, nodeVersion: string): Promise<void> {
  const context = await mkdtemp(join(podman.folder, 'node-base-'))
  const root = join(context, 'root')
  try {
    await layOutRoot(root)
    const node = await nodeBinary(nodeVersion)
    await copyFile(node, join(root, 'usr/local/bin/node'))
    await copyNpm(root)
    const shell = realpathSync('/bin/sh')
    await copyFile(shell, join(root, 'usr/bin', 'sh'))
    const binaries = [node, shell, ...tools.map(onPath)]
    for (const tool of tools) await copyFile(onPath(tool), join(root, 'usr/bin', tool))
    for (const library of new Set([...binaries.flatMap(sharedLibraries), ...cLibrary()])) {
      await mkdir(join(root, dirname(library)), { recursive: true })
      await copyFile(realpathSync(library), join(root, library))
    }
    await writeFile(join(root, 'usr/local/etc/npmrc'), await npmRegistrySettings(root))

    const archive = join(context, 'root.tar')
    const tar = spawnSync('tar', ['--create', '--file', archive, '--directory', root, '.'], {
      encoding: 'utf8',
    })
    if (tar.status !== 0) throw new Error(`tar failed: ${tar.stderr}`)
    await writeFile(join(context, 'Containerfile'), containerfile)
    await podman.ok(['build', '--quiet', '--layers=false', '--tag', tag, context])
  } finally {
    await rm(context, { recursive: true, force: true })
  }
}

/** Debian's merged /usr layout, the users of the node image, and a /tmp anyone may write to. */
async function layOutRoot(root: string): Promise<void> {
  for (const folder of [
    'usr/bin',
    'usr/lib',
    'usr/lib64',
    'usr/local/bin',
    'usr/local/etc',
    'etc',
    'root',
    'tmp',
  ]) {
    await mkdir(join(root, folder), { recursive: true })
  }
  for (const link of ['bin', 'lib', 'lib64']) await symlink(`usr/${link}`, join(root, link))
  await chmod(join(root, 'tmp'), 0o1777)
  await mkdir(join(root, 'home/node'), { recursive: true })
  await chown(join(root, 'home/node'), 1000, 1000)
  await writeFile(
    join(root, 'etc/passwd'),
    'root:x:0:0:root:/root:/bin/sh\nnode:x:1000:1000::/home/node:/bin/sh\n',
  )
  await writeFile(join(root, 'etc/group'), 'root:x:0:\nnode:x:1000:\n')
}

async function nodeBinary(version: string): Promise<string> {
  const { code, stdout, stderr } = await run('npx', [
    '--yes',
    `--package=node@${version}`,
    '--',
    'node',
    '--print',
    'process.version + " " + process.execPath',
  ])
  const [reported, path] = stdout.trim().split(' ')
  if (code !== 0 || reported !== `v${version}` || !path) {
    throw new Error(`node ${version} from the npm registry: ${stdout}${stderr}`)
  }
  return path
}

/** The npm the host runs, which is plain JavaScript, as the image's global npm. */
async function copyNpm(root: string): Promise<void> {
  const npm = dirname(dirname(realpathSync(onPath('npm'))))
  await cp(npm, join(root, 'usr/local/lib/node_modules/npm'), { recursive: true })
  await symlink('../lib/node_modules/npm/bin/npm-cli.js', join(root, 'usr/local/bin/npm'))
  await symlink('../lib/node_modules/npm/bin/npx-cli.js', join(root, 'usr/local/bin/npx'))
}

/**
 * The host's registry, scoped registries, proxies and CA file, as the image's global npmrc
 * (credentials stay out). npm looks for it in <prefix>/etc/npmrc, and node's prefix is /usr/local.
 */
async function npmRegistrySettings(root: string): Promise<string> {
  const { code, stdout, stderr } = await run('npm', ['config', 'list', '--json'])
  if (code !== 0) throw new Error(`npm config list: ${stderr}`)
  const config = JSON.parse(stdout) as Record<string, unknown>
  const lines = Object.entries(config)
    .filter(([key]) => /^((@[^:]+:)?registry|strict-ssl|proxy|https-proxy|noproxy)$/.test(key))
    .map(([key, value]) => [key, Array.isArray(value) ? value.join(',') : String(value ?? '')])
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${value}`)
  const cafile = config.cafile
  if (typeof cafile === 'string' && cafile) {
    const inImage = '/etc/ssl/certs/ca-certificates.crt'
    await mkdir(join(root, dirname(inImage)), { recursive: true })
    await copyFile(cafile, join(root, inImage))
    lines.push(`cafile=${inImage}`)
  }
  return `${lines.join('\n')}\n`
}

/** The shared libraries a binary loads, as ldd names them. */
function sharedLibraries(binary: string): string[] {
  const { status, stdout } = spawnSync('ldd', [binary], { encoding: 'utf8' })
  if (status !== 0) throw new Error(`ldd ${binary} failed`)
  return [...stdout.matchAll(/(?:=>\s*|^\s*)(\/\S+)/gm)].map((match) => match[1] ?? '')
}

/** The libraries of Debian's libc6 package (librt, libresolv, the NSS modules...); none elsewhere. */
function cLibrary(): string[] {
  const { status, stdout } = spawnSync('dpkg', ['--listfiles', 'libc6'], { encoding: 'utf8' })
  if (status !== 0) return []
  return stdout
    .split('\n')
    .filter((path) => /^\/(usr\/)?lib(64)?\/([^/]+\/)?[^/]+\.so(\.\d+)*$/.test(path) && existsSync(path))
}

function onPath(name: string): string {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(folder, name)
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {}
  }
  throw new Error(`${name} is not on PATH`)
}
