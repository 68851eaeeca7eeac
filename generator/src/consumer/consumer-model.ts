import { camelCase, pascalCase } from 'change-case'
import type { RecordedResource } from '../anatomy-file.js'
import { checkedName } from '../gateway/gateway-model.js'
import { parseFieldSpecs } from '../resource/field-spec.js'
import { type ResourceModel, resourceModelOf } from '../resource/resource-model.js'
import { resourceNamesOf } from '../resource/resource-name.js'
import { UsageError } from '../usage-error.js'

/** The use cases of a generated resource that change something: what a message can ask for. */
export const consumableOperations = ['add', 'update', 'delete'] as const
export type ConsumableOperation = (typeof consumableOperations)[number]

export interface ConsumerModel {
  /** `pet-arrivals`: the file, and the queue after the service's prefix. */
  readonly kebab: string
  /** `petArrivals`, `PetArrivals` */
  readonly camel: string
  readonly Pascal: string
  readonly resource: ResourceModel
  readonly operation: ConsumableOperation
  /** `addPet`: the use case, as the service names it. */
  readonly method: string
}

/**
 * The consumer `name` of the use case `useCase` (`pets.addPet`): the resource must be one the
 * service has, and the operation one that changes it.
 */
export function consumerModelOf(
  name: string,
  useCase: string,
  resources: readonly RecordedResource[],
): ConsumerModel {
  const kebab = checkedName(name, 'consumer')
  const [resourceName = '', method = '', ...rest] = useCase.split('.')
  const recorded = resources.find(
    (resource) =>
      resourceNamesOf(resource.name).kebabPlural === resourceName ||
      resourceNamesOf(resource.name).entities === resourceName,
  )
  if (rest.length > 0 || !recorded) {
    const known = resources.map((resource) => resourceNamesOf(resource.name).entities).join(', ') || 'none'
    throw new UsageError(
      `--use-case "${useCase}": give <resource>.<operation> of a resource the service has, like pets.addPet (resources: ${known})`,
    )
  }
  const names = resourceNamesOf(recorded.name)
  const methods = Object.fromEntries(
    consumableOperations.map((operation) => [`${operation}${names.Entity}`, operation]),
  ) as Record<string, ConsumableOperation>
  const operation = methods[method]
  if (!operation) {
    throw new UsageError(
      `--use-case "${useCase}": a message can ask for ${Object.keys(methods).join(', ')}; reads have no effect to apply`,
    )
  }
  const fields = [recorded.fields, ...(recorded.addedFields ?? []).map((added) => added.field)].join(',')
  const known = new Map(
    resources.map((resource) => [resourceNamesOf(resource.name).kebab, parseFieldSpecs(resource.fields)]),
  )
  const resource = resourceModelOf(names, parseFieldSpecs(fields), recorded.migration, known)
  return { kebab, camel: camelCase(kebab), Pascal: pascalCase(kebab), resource, operation, method }
}
