import { DockerfileParser, type Instruction, JSONInstruction } from 'dockerfile-ast'

export interface Step {
  readonly keyword: string
  /** The arguments as written, after the keyword and its flags. */
  readonly text: string
  /** The exec-form arguments of CMD, ENTRYPOINT, HEALTHCHECK CMD; undefined in shell form. */
  readonly exec?: readonly string[]
}

export interface Stage {
  readonly name: string | undefined
  readonly base: string
  readonly steps: readonly Step[]
}

export interface DockerfileModel {
  /** ARG defaults declared before the first FROM. */
  readonly globalArgs: Readonly<Record<string, string>>
  readonly stages: readonly Stage[]
}

/** The parts of a Dockerfile the checks read: global args, and stages of steps. */
export function parseDockerfile(text: string): DockerfileModel {
  const instructions = DockerfileParser.parse(text).getInstructions()
  const globalArgs: Record<string, string> = {}
  const stages: { name: string | undefined; base: string; steps: Step[] }[] = []
  for (const instruction of instructions) {
    const step = stepOf(instruction)
    if (step.keyword === 'FROM') {
      const [base = '', , name] = step.text.split(/\s+/)
      stages.push({ name, base, steps: [] })
    } else if (stages.length === 0 && step.keyword === 'ARG') {
      const [key = '', value = ''] = step.text.split('=')
      globalArgs[key] = value
    } else {
      stages.at(-1)?.steps.push(step)
    }
  }
  return { globalArgs, stages }
}

function stepOf(instruction: Instruction): Step {
  const text = (instruction.getArgumentsContent() ?? '').replace(/\\\n\s*/g, ' ')
  const withoutFlags = text.replace(/^(--\S+\s+)+/, '')
  const exec =
    instruction instanceof JSONInstruction && instruction.getJSONStrings().length > 0
      ? instruction.getJSONStrings().map((argument) => argument.getJSONValue())
      : undefined
  return { keyword: instruction.getKeyword().toUpperCase(), text: withoutFlags, ...(exec && { exec }) }
}

/** The stage a service image is made of: the last one, or the one a final `FROM ${ARG}` names. */
export function runtimeStages(model: DockerfileModel, args: Record<string, string> = {}): Stage[] {
  const last = model.stages.at(-1)
  if (!last) return []
  const chosen = /^\$\{(\w+)\}$/.exec(last.base)?.[1]
  if (chosen && !last.steps.length) {
    const name = args[chosen] ?? model.globalArgs[chosen]
    return model.stages.filter((stage) => stage.name === name)
  }
  return [last]
}

/** What is wrong with a service's Dockerfile, one sentence per rule broken; empty when it is sound. */
export function dockerfileProblems(model: DockerfileModel, dockerignore: string | undefined): string[] {
  const problems: string[] = []
  const image = model.globalArgs.NODE_IMAGE
  if (!image || !/^node:\d+\.\d+\.\d+-[\w.-]+$/.test(image)) {
    problems.push('ARG NODE_IMAGE must default to a node image pinned to an exact version')
  }
  const stageNames = new Set(model.stages.map((stage) => stage.name))
  for (const stage of model.stages) {
    if (stage.base !== `${'$'}{NODE_IMAGE}` && !stageNames.has(stage.base)) {
      problems.push(`stage ${stage.name ?? '(final)'} must start FROM \${NODE_IMAGE}, not ${stage.base}`)
    }
  }
  if (model.stages.length < 2) problems.push('the build must be multi-stage')
  const installs = model.stages
    .flatMap((stage) => stage.steps)
    .filter((step) => /\bnpm (install|i|ci)\b/.test(step.text))
  if (installs.some((step) => !/\bnpm ci\b/.test(step.text)))
    problems.push('dependencies install with npm ci only')
  for (const stage of runtimeStages(model)) problems.push(...runtimeStageProblems(model, stage))
  for (const pattern of ['node_modules', 'dist', '.git', '.env']) {
    if (!keepsOut(dockerignore ?? '', pattern))
      problems.push(`.dockerignore must keep ${pattern} out of the build context`)
  }
  return problems
}

function runtimeStageProblems(model: DockerfileModel, stage: Stage): string[] {
  const problems: string[] = []
  const copies = stage.steps.filter((step) => step.keyword === 'COPY')
  const copiedFrom = (path: string) => copies.find((step) => step.text.split(/\s+/)[0]?.endsWith(path))
  if (copiedFrom('/node_modules')) {
    problems.push('the final stage must not copy node_modules: the standalone bundle in dist/ carries them')
  }
  if (!model.stages.some((candidate) => candidate.steps.some((step) => /--standalone\b/.test(step.text)))) {
    problems.push('a stage must bundle with --standalone, so that dist/ runs on its own')
  }
  if (!copiedFrom('/dist'))
    problems.push('the final stage must copy the compiled dist/ (code and migrations)')
  if (!copies.some((step) => /package\.json/.test(step.text)))
    problems.push('the final stage must copy package.json')
  const user = stage.steps.filter((step) => step.keyword === 'USER').at(-1)?.text
  if (!user || !/^[1-9]\d*(:\d+)?$/.test(user)) {
    problems.push(`the final stage must run as a numeric non-root USER (got ${user ?? 'none: root'})`)
  }
  const cmd = stage.steps.filter((step) => step.keyword === 'CMD').at(-1)
  if (cmd?.exec?.[0] !== 'node') {
    problems.push('CMD must be exec form starting with node, so SIGTERM reaches node and not a shell or npm')
  } else if (cmd.exec.join(' ') !== 'node --import ./dist/tracing.js dist/main.js') {
    problems.push(
      'CMD must be node --import ./dist/tracing.js dist/main.js: tracing loads before the service, or instruments nothing',
    )
  }
  if (stage.steps.some((step) => step.keyword === 'ENTRYPOINT'))
    problems.push('no ENTRYPOINT wrapper around node')
  const healthcheck = stage.steps.find((step) => step.keyword === 'HEALTHCHECK')
  if (!healthcheck?.text.includes('/health/live')) problems.push('HEALTHCHECK must probe /health/live')
  const port = /PORT=(\d+)/.exec(
    stage.steps
      .filter((step) => step.keyword === 'ENV')
      .map((step) => step.text)
      .join(' '),
  )?.[1]
  const exposed = stage.steps.find((step) => step.keyword === 'EXPOSE')?.text
  if (!port || exposed !== port)
    problems.push(
      `EXPOSE (${exposed ?? 'none'}) must be the PORT the service listens on (${port ?? 'unset'})`,
    )
  return problems
}

/** Whether a .dockerignore names the path, or ignores everything and never lets it back in. */
function keepsOut(dockerignore: string, path: string): boolean {
  const lines = dockerignore.split('\n').map((line) => line.trim())
  const named = lines.some((line) => !line.startsWith('!') && line.endsWith(path))
  const everything = lines.includes('*') && !lines.some((line) => line.startsWith('!') && line.endsWith(path))
  return named || everything
}
