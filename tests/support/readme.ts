import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { repositoryRoot } from './run.js'

/** The command lines of each ```sh block of the README, in order, without their comments. */
export function readmeShellBlocks(): string[][] {
  const readme = readFileSync(join(repositoryRoot, 'README.md'), 'utf8')
  return [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map(([, block]) =>
    (block ?? '')
      .split('\n')
      .map((line) => line.replace(/\s+#\s.*$/, '').trim())
      .filter(Boolean),
  )
}
