import type { RemoteClient } from '../clients/http/remote-client.js'
import type { DependencyProbe } from '../domain/health/dependency-probe.port.js'

/**
 * Readiness of a remote, by a GET of its liveness route. Leave it out unless this service is of
 * no use at all without the remote: a probe that fails takes every pod out of the load balancer
 * at once, when the remote being down would have cost only the calls that need it.
 */
export function createRemoteProbe(
  name: string,
  remote: RemoteClient,
  path = '/health/live',
): DependencyProbe {
  return {
    name,
    async check() {
      const { status } = await remote.call({ operation: 'probe', method: 'GET', path })
      if (status >= 400) throw new Error(`${name} answered ${path} with ${status}`)
    },
  }
}
