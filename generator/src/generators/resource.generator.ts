import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ActionType, CustomActionFunction, PlopGeneratorConfig } from 'node-plop'
import { anatomyFileName, readAnatomyFile, serializeAnatomyFile } from '../anatomy-file.js'
import { resourceTemplatesRoot } from '../paths.js'
import { problemWith } from '../prompt-validation.js'
import { parseFieldSpecs } from '../resource/field-spec.js'
import { editsOf, filesOf } from '../resource/resource-files.js'
import type { ResourceModel } from '../resource/resource-model.js'
import { resourceNamesOf } from '../resource/resource-name.js'

export interface ResourceAnswers {
  readonly name: string
  readonly fieldSpec: string
  readonly service: string
  readonly model: ResourceModel
}

export const resourceGenerator: Partial<PlopGeneratorConfig> = {
  description: 'a resource across every layer of a service',
  prompts: [
    {
      type: 'input',
      name: 'name',
      message: 'Resource name, singular (e.g. pet, pet-owner):',
      validate: (name: string) => problemWith(() => resourceNamesOf(name)),
    },
    {
      type: 'input',
      name: 'fieldSpec',
      message:
        'Fields (name:type[?], comma separated; types: string text integer number boolean date datetime uuid enum(a|b)):',
      validate: (fieldSpec: string) => problemWith(() => parseFieldSpecs(fieldSpec)),
    },
  ],
  actions: (answers) => resourceActions(answers as ResourceAnswers),
}

function resourceActions({ service, model }: ResourceAnswers): ActionType[] {
  const data = model as unknown as Record<string, unknown>
  return [
    ...filesOf(model).map((file) => ({
      type: 'add',
      path: join(service, file.path),
      templateFile: join(resourceTemplatesRoot, file.template),
      skipIfExists: file.shared === true,
      abortOnFail: true,
      data,
    })),
    ...editsOf(model).map((edit) => ({
      type: 'modify',
      path: join(service, edit.path),
      pattern: edit.pattern,
      template: edit.replacement,
      ...(edit.transform && { transform: edit.transform }),
      abortOnFail: true,
      data,
    })),
    { type: 'record-resource', abortOnFail: true },
  ]
}

/** Adds the resource and the answers it was made with to .anatomy.json. */
export const recordResource: CustomActionFunction = async (answers) => {
  const { service, name, fieldSpec, model } = answers as ResourceAnswers
  const record = readAnatomyFile(service)
  const resource = { name, fields: fieldSpec, migration: model.migrationId }
  const updated = { ...record, resources: [...record.resources, resource] }
  await writeFile(join(service, anatomyFileName), serializeAnatomyFile(updated))
  return anatomyFileName
}
