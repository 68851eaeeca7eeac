import validatePackageName from 'validate-npm-package-name'
import { UsageError } from './usage-error.js'

const folderSafe = /^[a-z0-9][a-z0-9._-]*$/

/** A service name is both its npm package name and its folder name, so it must be valid as both. */
export function assertServiceName(name: string): void {
  if (name.startsWith('@') || name.includes('/')) {
    throw new UsageError(`invalid service name "${name}": use a plain name without scope or slashes`)
  }
  const { validForNewPackages, errors = [], warnings = [] } = validatePackageName(name)
  if (!validForNewPackages) {
    throw new UsageError(`invalid service name "${name}": ${[...errors, ...warnings][0]}`)
  }
  if (!folderSafe.test(name)) {
    throw new UsageError(
      `invalid service name "${name}": use lowercase letters, digits, dots, dashes and underscores`,
    )
  }
}
