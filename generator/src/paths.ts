import { fileURLToPath } from 'node:url'

export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url))
export const templateRoot = fileURLToPath(new URL('../../template/', import.meta.url))
export const resourceTemplatesRoot = fileURLToPath(new URL('../templates/resource/', import.meta.url))
