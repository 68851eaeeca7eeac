import type { PlopGeneratorConfig } from 'node-plop'
import { problemWith } from '../prompt-validation.js'
import { parseFieldSpecs } from '../resource/field-spec.js'
import { resourceNamesOf } from '../resource/resource-name.js'

/** The questions `anatomy add resource` asks when a terminal is attached and a flag is missing. */
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
        'Fields (name:type[?], comma separated; types: string text integer number boolean date datetime uuid enum(a|b) ref(resource)):',
      validate: (fieldSpec: string) => problemWith(() => parseFieldSpecs(fieldSpec)),
    },
  ],
  actions: [],
}
