import { RemoteUnavailable } from '../clients/http/remote-unavailable.js'
import { DependencyUnavailableError } from '../domain/errors.js'

/**
 * For `.catch()` on a remote call: a remote that cannot answer (timed out, unreachable, failing,
 * its circuit open) is a dependency the domain lacks right now, answered 503 with the pause the
 * remote asked for. Anything else is a bug, and stays what it is.
 */
export async function asDependencyUnavailable(error: unknown): Promise<never> {
  if (error instanceof RemoteUnavailable) {
    throw new DependencyUnavailableError(error.remote, error.retryAfterSeconds)
  }
  throw error
}

/** The `detail` of a problem+json answer, to tell the domain what the remote objected to. */
export function remoteDetail(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('detail' in body)) return undefined
  return typeof body.detail === 'string' && body.detail !== '' ? body.detail : undefined
}
