import type { PlopGeneratorConfig } from 'node-plop'
import { gatewayNamesOf } from '../gateway/gateway-model.js'
import { problemWith } from '../prompt-validation.js'

/** The questions `anatomy add gateway` asks when a terminal is attached and a flag is missing. */
export const gatewayGenerator: Partial<PlopGeneratorConfig> = {
  description: 'a gateway to a remote service, from its OpenAPI document',
  prompts: [
    {
      type: 'input',
      name: 'name',
      message: 'Port name, for what the domain needs of the remote (e.g. pet-directory, predictions):',
      validate: (name: string) => problemWith(() => gatewayNamesOf(name)),
    },
    {
      type: 'input',
      name: 'openapi',
      message:
        "The remote's OpenAPI 3.x document (a file, or an http(s) URL such as http://localhost:8080/docs/json):",
      validate: (source: string) => (source.trim() === '' ? 'give a file or a URL' : true),
    },
  ],
  actions: [],
}
