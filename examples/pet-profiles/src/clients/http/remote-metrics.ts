import { CircuitState } from 'cockatiel'
import { Gauge, Histogram, type Registry } from 'prom-client'

const circuitStateValue: Record<CircuitState, number> = {
  [CircuitState.Closed]: 0,
  [CircuitState.HalfOpen]: 1,
  [CircuitState.Open]: 2,
  [CircuitState.Isolated]: 2,
}

/**
 * Outbound calls in /metrics: a latency histogram of every attempt by remote, operation and
 * status (`error` for no answer, `circuit_open` for a call the breaker refused), and the state of
 * each remote's circuit. Metrics of one name are shared by every remote of a registry.
 */
export function remoteMetrics(remote: string, registry: Registry | undefined) {
  if (!registry) return { observe: () => {}, circuitIs: () => {} }
  const duration = metricOf(registry, 'http_client_request_duration_seconds', (name) => {
    return new Histogram({
      name,
      help: 'Time of each outbound attempt, by remote, operation and status.',
      labelNames: ['remote', 'operation', 'status_code'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    })
  })
  const circuit = metricOf(registry, 'http_client_circuit_state', (name) => {
    return new Gauge({
      name,
      help: 'State of the circuit to each remote: 0 closed, 1 half-open (one call tries), 2 open.',
      labelNames: ['remote'] as const,
      registers: [registry],
    })
  })
  circuit.set({ remote }, 0)
  return {
    observe(operation: string, status: string, seconds: number) {
      duration.observe({ remote, operation, status_code: status }, seconds)
    },
    circuitIs(state: CircuitState) {
      circuit.set({ remote }, circuitStateValue[state])
    },
  }
}

function metricOf<M>(registry: Registry, name: string, create: (name: string) => M): M {
  return (registry.getSingleMetric(name) as M | undefined) ?? create(name)
}
