import { Counter, Gauge, Histogram, type Registry } from 'prom-client'
import type { InferenceMetrics } from '../domain/model/inference-metrics.port.js'

/** Batch sizes, inference time and predicted classes per model version, in Prometheus. */
export function prometheusInferenceMetrics(registry: Registry): InferenceMetrics {
  const batchSize = new Histogram({
    name: 'model_batch_size',
    help: 'Instances run together in one batch.',
    labelNames: ['model', 'version'],
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
    registers: [registry],
  })
  const inferenceSeconds = new Histogram({
    name: 'model_inference_duration_seconds',
    help: 'Time the model took to run one batch.',
    labelNames: ['model', 'version'],
    buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  })
  const predictedClasses = new Counter({
    name: 'model_predicted_class_total',
    help: 'Instances predicted to be of each class: a shift in this distribution is drift.',
    labelNames: ['model', 'version', 'class'],
    registers: [registry],
  })

  return {
    batchRan({ name, version }, rows, seconds) {
      const labels = { model: name, version: String(version) }
      batchSize.observe(labels, rows)
      inferenceSeconds.observe(labels, seconds)
    },
    classPredicted({ name, version }, label, count) {
      predictedClasses.inc({ model: name, version: String(version), class: label }, count)
    },
  }
}

export interface VersionReadiness {
  readonly model: string
  readonly version: number
  readonly ready: boolean
}

/** 1 for each model version that serves, 0 for one still loading or failed: what the not-ready alert watches. */
export function registerModelReadiness(
  registry: Registry,
  versions: () => readonly VersionReadiness[],
): void {
  new Gauge({
    name: 'model_version_ready',
    help: 'Whether a model version has loaded and answered its warm-up inference (1) or not (0).',
    labelNames: ['model', 'version'],
    registers: [registry],
    collect() {
      this.reset()
      for (const { model, version, ready } of versions())
        this.set({ model, version: String(version) }, ready ? 1 : 0)
    },
  })
}
