import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { CustomActionFunction, PlopGeneratorConfig } from 'node-plop'
import { anatomyFileName, serializeAnatomyFile } from '../anatomy-file.js'
import { assertServiceName } from '../naming.js'
import { problemWith } from '../prompt-validation.js'
import { anatomyVersion } from '../version.js'
import { readTemplateFiles, type TemplateFile } from './template-files.js'

export interface ServiceAnswers {
  readonly name: string
  readonly description: string
  /** The folder the service is created in, as `<directory>/<name>`. */
  readonly directory: string
  /** Folders of template overrides, first match first. */
  readonly overrides?: readonly string[]
  /** The team's folder of overrides, as .anatomy.json records it. */
  readonly templates?: string
}

/** The template's own name and description, replaced by the answers in every stamped file. */
const templateName = 'service-template'
export const defaultDescription = 'A clean-architecture microservice.'

export const serviceGenerator: Partial<PlopGeneratorConfig> = {
  description: 'a new service from the anatomy template',
  prompts: [
    {
      type: 'input',
      name: 'name',
      message: 'Service name (its npm package and folder name):',
      validate: (name: string) => problemWith(() => assertServiceName(name)),
    },
    {
      type: 'input',
      name: 'description',
      message: 'What does it do, in one line?',
      default: defaultDescription,
    },
  ],
  actions: [{ type: 'stamp-template' }],
}

/** Copies the template into the new service, with its name and description, and records both. */
export const stampTemplate: CustomActionFunction = async (answers) => {
  const service = answers as ServiceAnswers
  const root = join(service.directory, service.name)
  const files = (await readTemplateFiles(service.overrides)).map((file) => personalise(file, service))
  for (const file of files) {
    await mkdir(dirname(join(root, file.path)), { recursive: true })
    await writeFile(join(root, file.path), file.content)
  }
  await writeFile(
    join(root, anatomyFileName),
    serializeAnatomyFile({
      template: { name: 'anatomy', version: anatomyVersion },
      service: { name: service.name, description: service.description },
      ...(service.templates ? { templates: service.templates } : {}),
      resources: [],
    }),
  )
  return `${files.length + 1} files in ${root}`
}

function personalise(file: TemplateFile, { name, description }: ServiceAnswers): TemplateFile {
  if (file.content.includes(0)) return file
  const asJson = (text: string) => JSON.stringify(text).slice(1, -1)
  const text = file.content
    .toString('utf8')
    .replaceAll(templateName, name)
    .replaceAll(defaultDescription, file.path.endsWith('.json') ? asJson(description) : description)
  return { path: file.path, content: Buffer.from(text) }
}
