import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { significantShift } from '../../src/domain/drift/population-stability.js'
import { loadIris } from '../../training/iris-data.js'
import { type RunningApp, startApp } from '../support/http.js'
import { promtool, promtoolAvailable } from '../support/promtool.js'

const monitoring = fileURLToPath(new URL('../../deploy/monitoring/', import.meta.url))
const windowSize = 300

/** The flowers the models were trained on, twice over: a window's worth of instances like the training data. */
const reference = [...loadIris().features, ...loadIris().features]
/** The same flowers with petals 2 cm longer: one feature moved, the others as they were. */
const shifted = reference.map(([sepalLength, sepalWidth, petalLength, petalWidth]) => [
  sepalLength,
  sepalWidth,
  (petalLength as number) + 2,
  petalWidth,
])

type Gauges = Map<string, number>

/** The value of each series of `metric` in /metrics, by its labels as written there. */
async function scrape(app: RunningApp, metric: string): Promise<Gauges> {
  const { text } = await app.http.get('/metrics').expect(200)
  return new Map(
    [...text.matchAll(new RegExp(`^${metric}\\{([^}]*)\\} (\\S+)$`, 'gm'))].map(([, labels, value]) => [
      labels as string,
      Number(value),
    ]),
  )
}

const featureOf = (labels: string) => /feature="([^"]+)"/.exec(labels)?.[1]

async function serve(
  app: RunningApp,
  instances: readonly (readonly (number | undefined)[])[],
): Promise<void> {
  for (let start = 0; start < instances.length; start += 50) {
    await app.http
      .post('/predict')
      .send({ instances: instances.slice(start, start + 50) })
      .expect(200)
  }
}

/**
 * What the drift measure and its alert are for, end to end: the server serves data like its
 * training data and nothing moves; it serves data with one feature shifted, the index of that
 * feature crosses the threshold within a window, the others stay below, and the alerting rule,
 * given the series the server exported, fires for that feature alone.
 */
describe('drift, from the instances served to the alert', () => {
  let app: RunningApp
  let onReference: Gauges
  let onShifted: Gauges

  beforeAll(async () => {
    app = await startApp({ DRIFT_WINDOW_SIZE: String(windowSize), DRIFT_MIN_SAMPLES: '150' })
    await serve(app, reference)
    onReference = await scrape(app, 'model_feature_drift_psi')
    await serve(app, shifted)
    onShifted = await scrape(app, 'model_feature_drift_psi')
  })
  afterAll(() => app?.close())

  it('measures no drift on data like the training data', () => {
    expect([...onReference.keys()].map(featureOf).sort()).toEqual([
      'petal_length',
      'petal_width',
      'sepal_length',
      'sepal_width',
    ])
    for (const psi of onReference.values()) expect(psi).toBeLessThan(0.1)
  })

  it('moves the shifted feature past the threshold within one window, and only that one', () => {
    for (const [labels, psi] of onShifted) {
      if (featureOf(labels) === 'petal_length') expect(psi).toBeGreaterThan(significantShift)
      else expect(psi).toBeLessThan(0.1)
    }
  })

  it('fires the drift alert on the series the server exported, for that feature alone', async (context) => {
    if (!(await promtoolAvailable())) context.skip()
    const folder = await mkdtemp(join(tmpdir(), 'drift-alert-'))
    try {
      await copyFile(join(monitoring, 'alerts.rules.yaml'), join(folder, 'alerts.rules.yaml'))
      const shiftedPsi = [...onShifted].find(([labels]) => featureOf(labels) === 'petal_length')?.[1] ?? 0
      const series = [...onShifted].map(([labels, psi]) => ({
        series: `model_feature_drift_psi{${labels}}`,
        values: `${psi}x30`,
      }))
      const test = {
        rule_files: ['alerts.rules.yaml'],
        evaluation_interval: '1m',
        tests: [
          {
            interval: '1m',
            input_series: series,
            alert_rule_test: [
              {
                eval_time: '20m',
                alertname: 'ModelFeatureDrift',
                exp_alerts: [
                  {
                    exp_labels: { severity: 'warning', model: 'iris', version: '2', feature: 'petal_length' },
                    exp_annotations: {
                      summary: 'iris version 2: input petal_length has drifted',
                      description: `PSI ${shiftedPsi.toFixed(2)} against the training data (above 0.25: a significant shift). The model sees inputs unlike those it learned from; check the data upstream, or retrain.`,
                    },
                  },
                ],
              },
            ],
          },
        ],
      }
      await writeFile(join(folder, 'drift.test.yaml'), stringify(test))
      expect(await promtool(['test', 'rules', 'drift.test.yaml'], folder)).toMatch(/SUCCESS/)
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })
})
