import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UsageError } from '../usage-error.js'
import type { RemoteOperation } from './remote-document.js'

export interface RemoteTypes {
  /** `types.gen.ts`: each operation's `…Data`, `…Responses` and `…Errors`. */
  readonly types: string
  /** `valibot.gen.ts`: schemas that check what the remote sends. */
  readonly checks: string
}

/**
 * The remote's types and runtime checks, made by @hey-api/openapi-ts from its document: only the
 * TypeScript and Valibot plugins, since the calls go through the service's own client.
 */
export async function generateRemoteTypes(document: Record<string, unknown>): Promise<RemoteTypes> {
  const { createClient } = await import('@hey-api/openapi-ts')
  const output = await mkdtemp(join(tmpdir(), 'anatomy-remote-types-'))
  try {
    await createClient({
      input: structuredClone(document),
      output: { path: output, indexFile: false, importFileExtension: '.js', clean: true },
      plugins: ['@hey-api/typescript', 'valibot'],
      logs: { level: 'silent', file: false },
    })
    const [types, checks] = await Promise.all(
      ['types.gen.ts', 'valibot.gen.ts'].map((file) => readFile(join(output, file), 'utf8')),
    )
    return { types: types ?? '', checks: checks ?? '' }
  } catch (error) {
    throw new UsageError(
      `the remote's document cannot be turned into types: ${error instanceof Error ? error.message : String(error)}`,
    )
  } finally {
    await rm(output, { recursive: true, force: true })
  }
}

/** The names the generated files export, to check each operation's types are there as expected. */
export function exportedNames(source: string): Set<string> {
  return new Set(
    [...source.matchAll(/^export (?:type|const|interface) (\w+)/gm)].map((match) => match[1] ?? ''),
  )
}

export function assertTypesOf(operations: readonly RemoteOperation[], types: RemoteTypes): void {
  const exported = exportedNames(types.types)
  const missing = operations.find((operation) => !exported.has(`${operation.typeName}Data`))
  if (missing) {
    throw new UsageError(
      `the generated types have no ${missing.typeName}Data for operation ${missing.method} ${missing.path}; give it an operationId`,
    )
  }
}
