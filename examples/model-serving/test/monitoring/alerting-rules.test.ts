import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { type RunningApp, startApp } from '../support/http.js'
import { promtool, promtoolAvailable } from '../support/promtool.js'

const monitoring = fileURLToPath(new URL('../../deploy/monitoring/', import.meta.url))
const read = async (file: string) => readFile(join(monitoring, file), 'utf8')

interface Panel {
  title: string
  targets: { expr: string }[]
}

/** Every metric a PromQL expression reads: its identifiers, once label matchers, groupings, ranges and function calls are set aside. */
function metricsIn(expr: string): string[] {
  const bare = expr
    .replace(/"[^"]*"/g, '')
    .replace(/\{[^}]*\}|\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, ' ')
  return [...bare.matchAll(/\b([a-z_][a-z0-9_]*)\b(?!\s*\()/g)]
    .map(([, name]) => name as string)
    .filter((name) => name.includes('_'))
}

describe('the monitoring shipped in deploy/monitoring', () => {
  let hasPromtool = false
  let app: RunningApp
  let exported: Set<string>

  beforeAll(async () => {
    hasPromtool = await promtoolAvailable()
    app = await startApp()
    await app.http
      .post('/predict')
      .send({ instances: [[5.1, 3.5, 1.4, 0.2]] })
      .expect(200)
    const { text } = await app.http.get('/metrics').expect(200)
    exported = new Set(
      [...text.matchAll(/^# TYPE (\S+) (\S+)/gm)].flatMap(([, name, type]) =>
        type === 'histogram' ? [`${name}_bucket`, `${name}_count`, `${name}_sum`] : [name as string],
      ),
    )
  })
  afterAll(() => app?.close())

  it('passes promtool check rules, and every rule test of alerts.test.yaml', async (context) => {
    if (!hasPromtool) context.skip()
    expect(await promtool(['check', 'rules', 'alerts.rules.yaml'], monitoring)).toMatch(
      /SUCCESS: 5 rules found/,
    )
    expect(await promtool(['test', 'rules', 'alerts.test.yaml'], monitoring)).toMatch(/SUCCESS/)
  })

  it('gives the Prometheus Operator the same rules, and scrapes the port the Service names', async () => {
    const rules = parse(await read('alerts.rules.yaml'))
    const operatorRule = parse(await read('prometheus-rule.yaml'))
    const serviceMonitor = parse(await read('service-monitor.yaml'))
    const service = parse(await readFile(join(monitoring, '../k8s/service.yaml'), 'utf8'))

    expect(operatorRule).toMatchObject({ kind: 'PrometheusRule', spec: rules })
    expect(serviceMonitor.spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': 'model-serving' })
    expect(service.spec.ports.map((port: { name: string }) => port.name)).toContain(
      serviceMonitor.spec.endpoints[0].port,
    )
    expect(serviceMonitor.spec.endpoints[0].path).toBe('/metrics')
  })

  it('watches only metrics the service exports, in PromQL that parses', async (context) => {
    const dashboard = JSON.parse(await read('grafana-dashboard.json')) as { panels: Panel[] }
    const rules = parse(await read('alerts.rules.yaml')) as { groups: { rules: { expr: string }[] }[] }
    const expressions = [
      ...dashboard.panels.flatMap((panel) => panel.targets.map((target) => target.expr)),
      ...rules.groups.flatMap((group) => group.rules.map((rule) => rule.expr)),
    ]

    const watched = new Set(expressions.flatMap(metricsIn))
    expect([...watched]).toEqual(expect.arrayContaining(['model_feature_drift_psi', 'model_version_ready']))
    expect([...watched].filter((metric) => !exported.has(metric))).toEqual([])
    if (!hasPromtool) context.skip()
    // promtool parses PromQL in rule files only: each panel's query becomes a recording rule.
    const folder = await mkdtemp(join(tmpdir(), 'dashboard-queries-'))
    try {
      const records = expressions.map((expr, index) => ({
        record: `dashboard:query_${index}`,
        expr: expr.replaceAll('$model', '.*'),
      }))
      await writeFile(
        join(folder, 'queries.yaml'),
        JSON.stringify({ groups: [{ name: 'dashboard', rules: records }] }),
      )
      expect(await promtool(['check', 'rules', 'queries.yaml'], folder)).toMatch(/SUCCESS/)
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })
})
