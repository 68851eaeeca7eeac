import type { Broker } from '../clients/queue/broker.js'
import type { DependencyProbe } from '../domain/health/dependency-probe.port.js'

/**
 * The broker, reported by readiness but not required by it: while it is away, HTTP requests are
 * served, events wait in the outbox and messages wait in their queues.
 */
export function createBrokerProbe(broker: Broker): DependencyProbe {
  return {
    name: 'broker',
    optional: true,
    async check() {
      if (!broker.isConnected()) throw new Error('no connection to the broker')
    },
  }
}
