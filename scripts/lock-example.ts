/**
 * Refreshes an example's own package-lock.json, from which its image is built.
 *
 *   npm run examples:lock -- model-serving
 */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { refreshLockFile } from './lock-file.js'

const name = process.argv[2]
if (!name) throw new Error('usage: lock-example <example folder name>')
await refreshLockFile(join(fileURLToPath(new URL('../examples/', import.meta.url)), name))
console.log(`examples/${name}: package-lock.json matches its package.json`)
