import { fileURLToPath } from 'node:url'

/** The anatomy package: a clone of the repository, or the package as npm installed it. Both hold the same files. */
export const packageRoot = fileURLToPath(new URL('../../', import.meta.url))
export const templateRoot = fileURLToPath(new URL('../../template/', import.meta.url))
export const resourceTemplatesRoot = fileURLToPath(new URL('../templates/resource/', import.meta.url))
export const consumerTemplatesRoot = fileURLToPath(new URL('../templates/consumer/', import.meta.url))
