import type { PlopGeneratorConfig } from 'node-plop'
import { checkedName } from '../gateway/gateway-model.js'
import { problemWith } from '../prompt-validation.js'

/** The questions `anatomy add consumer` asks when a terminal is attached and a flag is missing. */
export const consumerGenerator: Partial<PlopGeneratorConfig> = {
  description: 'a queue consumer that calls a use case for each message',
  prompts: [
    {
      type: 'input',
      name: 'name',
      message: 'Queue name, after the service prefix (e.g. pet-arrivals):',
      validate: (name: string) => problemWith(() => checkedName(name, 'consumer')),
    },
    {
      type: 'input',
      name: 'useCase',
      message: 'The use case each message calls, <resource>.<operation> (e.g. pets.addPet):',
      validate: (useCase: string) => (/^[A-Za-z]\w*\.[A-Za-z]\w*$/.test(useCase) ? true : 'like pets.addPet'),
    },
  ],
  actions: [],
}
