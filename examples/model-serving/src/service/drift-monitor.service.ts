import { createDriftWindow, type DriftWindow, type VersionDrift } from '../domain/drift/drift-window.js'
import type { ClassReader } from '../domain/model/classification.js'
import type { TensorData } from '../domain/model/datatype.js'
import type { Batch, Model } from '../domain/model/model.port.js'
import { valuesPerInstance } from '../domain/model/signature.js'

export interface DriftOptions {
  /** Instances each model version's window holds: the last ones served. */
  readonly windowSize: number
  /** Fewer instances than this in a window: no measure yet, the index would be noise. */
  readonly minSamples: number
}

/** Watches what each model version serves against the profile of its training data. */
export interface DriftMonitor {
  /** A batch a model version ran, with the outputs it gave: every instance of it is recorded. */
  observe(model: Model, batch: Batch, outputs: readonly TensorData[], classOf: ClassReader | undefined): void
  /** The measures of every version that has a profile and has served enough instances. */
  measures(): VersionDrift[]
  /** A version unloaded: its window goes with it. */
  forget(model: Model): void
}

interface Watched {
  readonly window: DriftWindow
  /** One instance's values, reused row after row. */
  readonly row: Float64Array
}

export function createDriftMonitor({ windowSize, minSamples }: DriftOptions): DriftMonitor {
  const watched = new Map<Model, Watched | undefined>()

  function watchedOf(model: Model): Watched | undefined {
    if (!watched.has(model)) {
      const watch = model.profile && {
        window: createDriftWindow(model.profile, windowSize),
        row: new Float64Array(model.profile.features.length),
      }
      watched.set(model, watch)
    }
    return watched.get(model)
  }

  return {
    observe(model, batch, outputs, classOf) {
      const watch = watchedOf(model)
      if (!watch) return
      const widths = model.signature.inputs.map(valuesPerInstance)
      for (let instance = 0; instance < batch.rows; instance++) {
        let feature = 0
        for (let input = 0; input < widths.length; input++) {
          const width = widths[input] as number
          const values = batch.inputs[input] as TensorData
          for (let position = 0; position < width; position++) {
            watch.row[feature++] = Number(values[instance * width + position])
          }
        }
        watch.window.record(watch.row, classOf?.(outputs, instance))
      }
    },
    measures() {
      const measured: VersionDrift[] = []
      for (const [model, watch] of watched) {
        const measures = watch?.window.measures()
        if (measures && measures.samples >= minSamples)
          measured.push({ model: model.name, version: model.version, measures })
      }
      return measured
    },
    forget: (model) => {
      watched.delete(model)
    },
  }
}
