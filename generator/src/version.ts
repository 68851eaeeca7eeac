import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { repositoryRoot } from './paths.js'

export const anatomyVersion: string = JSON.parse(
  readFileSync(join(repositoryRoot, 'package.json'), 'utf8'),
).version
