import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { isAbsolute, join, resolve } from 'node:path'

/** Where a service keeps its own versions of template files, at the paths the template has them. */
export const overridesFolder = '.anatomy/templates'

/**
 * The folders whose files take the place of anatomy's own, first match first: the service's
 * `.anatomy/templates`, then the team's folder that `.anatomy.json` names in `templates`. A
 * service file goes at its path in the service (`src/web/server.ts`); a generator template at its
 * path under the generator's templates (`resource/service.ts.hbs`, `consumer/consumer.ts.hbs`).
 */
export function overrideFoldersOf(service: string, record?: { readonly templates?: string }): string[] {
  const team = record?.templates
  return [join(service, overridesFolder), ...(team ? [isAbsolute(team) ? team : resolve(service, team)] : [])]
}

/** The file at `path` from the first folder that has it, or undefined when none does. */
export async function overrideOf(folders: readonly string[], path: string): Promise<Buffer | undefined> {
  const folder = folders.find((candidate) => existsSync(join(candidate, path)))
  return folder === undefined ? undefined : readFile(join(folder, path))
}

/** A generator template (`resource/entity.ts.hbs`): overridden, or anatomy's own. */
export async function generatorTemplate(
  folders: readonly string[],
  path: string,
  builtIn: string,
): Promise<string> {
  return ((await overrideOf(folders, path)) ?? (await readFile(builtIn))).toString('utf8')
}
