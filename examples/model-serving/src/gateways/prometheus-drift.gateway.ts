import { Gauge, type Registry } from 'prom-client'
import type { VersionDrift } from '../domain/drift/drift-window.js'

/**
 * The drift of every model version, as Prometheus gauges worked out when scraped: serving only
 * counts instances into bins, and the indexes are computed here, a few times a minute.
 */
export function registerDriftGauges(registry: Registry, measures: () => readonly VersionDrift[]): void {
  const labelsOf = ({ model, version }: VersionDrift) => ({ model, version: String(version) })
  new Gauge({
    name: 'model_drift_window_instances',
    help: 'Instances in the window drift is measured on: the last ones served.',
    labelNames: ['model', 'version'],
    registers: [registry],
    collect() {
      this.reset()
      for (const drift of measures()) this.set(labelsOf(drift), drift.measures.samples)
    },
  })
  new Gauge({
    name: 'model_feature_drift_psi',
    help: 'Population stability index of each input feature in the window against the training data; above 0.25 it has shifted significantly.',
    labelNames: ['model', 'version', 'feature'],
    registers: [registry],
    collect() {
      this.reset()
      for (const drift of measures()) {
        for (const { name, psi } of drift.measures.features)
          this.set({ ...labelsOf(drift), feature: name }, psi)
      }
    },
  })
  new Gauge({
    name: 'model_prediction_drift_psi',
    help: 'Population stability index of the predicted classes in the window against the training prior; above 0.25 it has shifted significantly.',
    labelNames: ['model', 'version'],
    registers: [registry],
    collect() {
      this.reset()
      for (const drift of measures()) {
        if (drift.measures.prediction !== undefined) this.set(labelsOf(drift), drift.measures.prediction)
      }
    },
  })
}
