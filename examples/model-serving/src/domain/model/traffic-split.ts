import { ConflictError, RuleViolationError } from '../errors.js'

/** How requests that name no version share a model's versions: a weight per version. */
export type TrafficSplit = ReadonlyMap<number, number>

/**
 * The version a request goes to: each version takes a share of the requests in proportion to its
 * weight, and a request key (the request id) always lands on the same version while the split
 * holds, so that a client retrying with its id sees one version.
 */
export function versionFor(split: TrafficSplit, key: string): number | undefined {
  let total = 0
  for (const weight of split.values()) total += weight
  if (total === 0) return undefined
  let point = hashOf(key) % total
  for (const [version, weight] of split) {
    if (point < weight) return version
    point -= weight
  }
  return undefined
}

/** FNV-1a, 32 bits: cheap, and spreads request ids evenly. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < key.length; index++) {
    hash ^= key.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/** A split that gives no traffic to any version, or a weight that is not a whole number from 0 to 1000. */
export class InvalidTrafficSplitError extends RuleViolationError {
  readonly code = 'TRAFFIC.SPLIT_INVALID'
}

/** A weight for a version that cannot take traffic now: loading, failed or unloading. */
export class VersionNotServingError extends ConflictError {
  readonly code = 'TRAFFIC.VERSION_NOT_READY'

  constructor(name: string, version: number) {
    super(`model ${name}/${version} is not ready: it can take no share of the traffic`, {
      model: name,
      version,
    })
  }
}

/** Checks the weights as a client or an operator wrote them. */
export function checkedSplit(name: string, weights: ReadonlyMap<number, number>): TrafficSplit {
  for (const [version, weight] of weights) {
    if (!Number.isInteger(weight) || weight < 0 || weight > 1000) {
      throw new InvalidTrafficSplitError(
        `model ${name} version ${version}: a weight is a whole number from 0 to 1000, got ${weight}`,
      )
    }
  }
  if ([...weights.values()].every((weight) => weight === 0)) {
    throw new InvalidTrafficSplitError(`model ${name}: a split must give some traffic to a version`)
  }
  return weights
}
