import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { chmod, cp, mkdir, mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, isAbsolute, join, relative } from 'node:path'
import type { DockerfileModel, Stage } from './dockerfile.js'
import { environmentOfAFreshShell } from './run.js'

export interface RehearsedImage {
  /** The folder standing for the final stage's filesystem root. */
  readonly root: string
  readonly workdir: string
  readonly env: Readonly<Record<string, string>>
  readonly user?: string
  readonly command: readonly string[]
  remove(): Promise<void>
}

/**
 * Plays a Dockerfile without a container engine: every stage gets a folder standing for its
 * filesystem, COPY copies exactly what it names (from the context or another stage), RUN runs
 * in the stage's WORKDIR with its ENV. What the final stage ends up holding is all the image
 * would hold, so a forgotten file or a dev dependency needed at run time shows when it starts.
 */
export async function rehearse(
  model: DockerfileModel,
  context: string,
  args: Record<string, string> = {},
): Promise<RehearsedImage> {
  const base = await mkdtemp(join(tmpdir(), 'rehearsal-'))
  const stageRoots = new Map<string, string>()
  let final:
    | { root: string; workdir: string; env: Record<string, string>; user?: string; command: string[] }
    | undefined
  for (const [index, stage] of model.stages.entries()) {
    const root = join(base, `stage-${index}`)
    await mkdir(root, { recursive: true })
    if (stage.name) stageRoots.set(stage.name, root)
    final = await playStage(stage, { root, context, stageRoots, args: { ...model.globalArgs, ...args } })
  }
  if (!final) throw new Error('the Dockerfile has no stage')
  // The image's user is not root: everything it runs must be readable by anyone.
  await chmod(base, 0o755)
  spawnSync('chmod', ['-R', 'a+rX', final.root])
  return { ...final, remove: () => rm(base, { recursive: true, force: true }) }
}

interface StageContext {
  readonly root: string
  readonly context: string
  readonly stageRoots: ReadonlyMap<string, string>
  readonly args: Readonly<Record<string, string>>
}

async function playStage({ steps }: Stage, { root, context, stageRoots, args }: StageContext) {
  const ignored = dockerignoreOf(context)
  let workdir = '/'
  const env: Record<string, string> = {}
  const stageArgs: Record<string, string> = { ...args }
  let user: string | undefined
  let command: string[] = []
  const expand = (text: string) =>
    text.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a, b) => stageArgs[a ?? b] ?? env[a ?? b] ?? '')
  const inStage = (path: string) => join(root, isAbsolute(path) ? path : join(workdir, path))

  for (const step of steps) {
    const text = expand(step.text)
    switch (step.keyword) {
      case 'ARG': {
        const [key = '', value] = text.split('=')
        stageArgs[key] = args[key] ?? value ?? ''
        break
      }
      case 'ENV':
        for (const [, key = '', value = ''] of text.matchAll(/(\w+)=("[^"]*"|\S+)/g))
          env[key] = value.replace(/^"|"$/g, '')
        break
      case 'WORKDIR':
        workdir = isAbsolute(text) ? text : join(workdir, text)
        await mkdir(inStage('.'), { recursive: true })
        break
      case 'COPY': {
        const sources = text.split(/\s+/)
        const destination = sources.pop() ?? '.'
        const from = step.flags.from ? stageRoots.get(step.flags.from) : undefined
        if (step.flags.from && !from) throw new Error(`COPY --from=${step.flags.from}: no such stage`)
        for (const source of sources) {
          await copyAsDocker(from ? join(from, source) : join(context, source), inStage(destination), {
            intoFolder: sources.length > 1 || /(\/|^\.)$/.test(destination),
            keep: from ? () => true : (path) => !ignored(relative(context, path)),
          })
        }
        break
      }
      case 'RUN':
        await run(text, inStage('.'), env)
        break
      case 'USER':
        user = text
        break
      case 'CMD':
        command = [...(step.exec ?? ['/bin/sh', '-c', text])]
        break
    }
  }
  return { root, workdir, env, ...(user !== undefined && { user }), command }
}

/** COPY of a folder copies what is in it; of a file, the file, into the destination folder if it is one. */
async function copyAsDocker(
  source: string,
  destination: string,
  { intoFolder, keep }: { intoFolder: boolean; keep: (path: string) => boolean },
): Promise<void> {
  const stats = await stat(source).catch(() => undefined)
  if (!stats) throw new Error(`COPY: ${source} does not exist`)
  const target = intoFolder && !stats.isDirectory() ? join(destination, basename(source)) : destination
  await cp(source, target, { recursive: true, filter: keep })
}

async function run(command: string, cwd: string, env: Record<string, string>): Promise<void> {
  const { status, stderr, stdout } = spawnSync('sh', ['-c', command], {
    cwd,
    env: { ...environmentOfAFreshShell(), ...env },
    encoding: 'utf8',
  })
  if (status !== 0) throw new Error(`RUN ${command} failed:\n${stdout}\n${stderr}`)
}

/** The context's .dockerignore as a predicate on paths relative to the context: the last matching line wins. */
function dockerignoreOf(context: string): (path: string) => boolean {
  const text = (() => {
    try {
      return readFileSync(join(context, '.dockerignore'), 'utf8')
    } catch {
      return ''
    }
  })()
  const rules = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => ({ negated: line.startsWith('!'), pattern: globToRegExp(line.replace(/^!/, '')) }))
  return (path) => {
    if (path === '') return false
    let excluded = false
    for (const rule of rules) {
      const parts = path.split('/')
      const matches = parts.some((_, index) => rule.pattern.test(parts.slice(0, index + 1).join('/')))
      if (matches) excluded = !rule.negated
    }
    return excluded
  }
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/^\/+|\/+$/g, '')
    .split(/(\*\*\/|\*\*|\*|\?)/)
    .map((part) =>
      part === '**/'
        ? '(?:.*/)?'
        : part === '**'
          ? '.*'
          : part === '*'
            ? '[^/]*'
            : part === '?'
              ? '[^/]'
              : part.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
    )
    .join('')
  return new RegExp(`^${body}$`)
}
