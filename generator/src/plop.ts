import nodePlop, { type NodePlopAPI } from 'node-plop'
import { consumerGenerator } from './generators/consumer.generator.js'
import { gatewayGenerator } from './generators/gateway.generator.js'
import { resourceGenerator } from './generators/resource.generator.js'
import { serviceGenerator, stampTemplate } from './generators/service.generator.js'

/** The plop instance behind every command: its generators, and the actions they are made of. */
export async function createPlop(destination: string): Promise<NodePlopAPI> {
  const plop = await nodePlop(undefined, { destBasePath: destination, force: false })
  plop.setActionType('stamp-template', stampTemplate)
  plop.setGenerator('service', serviceGenerator)
  plop.setGenerator('resource', resourceGenerator)
  plop.setGenerator('gateway', gatewayGenerator)
  plop.setGenerator('consumer', consumerGenerator)
  return plop
}
