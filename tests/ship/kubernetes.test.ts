import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { configVariablesOf } from '../support/config-variables.js'
import { repositoryRoot } from '../support/run.js'

interface Manifest {
  apiVersion: string
  kind: string
  metadata: { name: string }
  // biome-ignore lint/suspicious/noExplicitAny: a manifest is whatever its kind says; the schema checks it
  spec?: any
  data?: Record<string, string>
}

const services = ['template', 'examples/pets', 'examples/pet-profiles', 'examples/model-serving'].filter(
  (service) => existsSync(join(repositoryRoot, service, 'deploy/k8s/kustomization.yaml')),
)

describe.each(services)('%s/deploy/k8s', (service) => {
  const folder = join(repositoryRoot, service, 'deploy/k8s')
  const kustomization = parse(readFileSync(join(folder, 'kustomization.yaml'), 'utf8')) as {
    resources: string[]
  }
  const manifests = kustomization.resources.map(
    (file) => parse(readFileSync(join(folder, file), 'utf8')) as Manifest,
  )
  const ofKind = (kind: string) => manifests.filter((manifest) => manifest.kind === kind)
  const deployment = ofKind('Deployment')[0]
  const container = deployment?.spec.template.spec.containers[0]
  const packageName = JSON.parse(readFileSync(join(repositoryRoot, service, 'package.json'), 'utf8')).name

  it('lists every manifest of the folder in its kustomization', () => {
    const files = readdirSync(folder).filter(
      (file) => file.endsWith('.yaml') && file !== 'kustomization.yaml',
    )

    expect([...kustomization.resources].sort()).toEqual(files.sort())
  })

  it.each(kustomization.resources)('%s is valid against the Kubernetes schema', async (file) => {
    const manifest = parse(readFileSync(join(folder, file), 'utf8')) as Manifest
    const models = await import(`kubernetes-models/${manifest.apiVersion}`).catch(() => undefined)
    const Model = models?.[manifest.kind]
    if (!Model) {
      // Custom resources (KServe) have no bundled schema: their shape is checked by their own test.
      expect(manifest.apiVersion).toMatch(/\./)
      return
    }
    expect(() => new Model(manifest).validate()).not.toThrow()
  })

  it('runs the service image as a non-root user on a read-only filesystem', () => {
    expect(container.image).toMatch(new RegExp(`^${packageName}:`))
    expect(deployment?.spec.template.spec.securityContext).toMatchObject({
      runAsNonRoot: true,
      runAsUser: 1000,
    })
    expect(container.securityContext).toMatchObject({
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    })
    expect(container.resources.requests).toMatchObject({
      cpu: expect.any(String),
      memory: expect.any(String),
    })
    expect(container.resources.limits.memory).toEqual(expect.any(String))
  })

  it('probes liveness and readiness on the health routes', () => {
    expect(container.livenessProbe.httpGet.path).toMatch(/live/)
    expect(container.startupProbe.httpGet.path).toMatch(/live/)
    expect(container.readinessProbe.httpGet.path).toMatch(/ready/)
    const ports = container.ports.map((port: { name: string }) => port.name)
    for (const probe of [container.livenessProbe, container.readinessProbe, container.startupProbe]) {
      expect(ports).toContain(probe.httpGet.port)
    }
  })

  it('gives a stopping pod more time than the pause before SIGTERM and the shutdown timeout', () => {
    const config = ofKind('ConfigMap')[0]?.data ?? {}
    const shutdownSeconds = Number(config.SHUTDOWN_TIMEOUT_MS ?? 10_000) / 1000
    const pauseSeconds = container.lifecycle?.preStop?.sleep?.seconds ?? 0

    expect(deployment?.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(
      pauseSeconds + shutdownSeconds,
    )
  })

  it('sets only variables the service reads', async () => {
    const known = await configVariablesOf(service)
    const set = [
      ...Object.keys(ofKind('ConfigMap')[0]?.data ?? {}),
      ...(container.env ?? []).map((variable: { name: string }) => variable.name),
    ]

    expect(set.filter((variable) => !known.has(variable))).toEqual([])
  })

  it('selects the deployment from its Service, autoscaler and disruption budget', () => {
    const labels = deployment?.spec.template.metadata.labels
    for (const manifest of [...ofKind('Service'), ...ofKind('PodDisruptionBudget')]) {
      const selector = manifest.spec.selector.matchLabels ?? manifest.spec.selector
      expect(labels).toMatchObject(selector)
    }
    expect(ofKind('HorizontalPodAutoscaler')[0]?.spec.scaleTargetRef).toMatchObject({
      kind: 'Deployment',
      name: deployment?.metadata.name,
    })
  })
})

describe('examples/model-serving/deploy/kserve/inference-service.yaml', () => {
  const service = 'examples/model-serving'
  const manifest = parse(
    readFileSync(join(repositoryRoot, service, 'deploy/kserve/inference-service.yaml'), 'utf8'),
  ) as Manifest
  const containers = manifest.spec.predictor.containers

  it('is a KServe InferenceService with a custom predictor container', () => {
    expect(manifest).toMatchObject({ apiVersion: 'serving.kserve.io/v1beta1', kind: 'InferenceService' })
    expect(containers).toHaveLength(1)
    expect(containers[0].image).toMatch(/^model-serving:/)
  })

  it('has a predictor container that is a valid Kubernetes container', async () => {
    const { Pod } = await import('kubernetes-models/v1')

    expect(() => new Pod({ metadata: { name: 'predictor' }, spec: { containers } }).validate()).not.toThrow()
  })

  it('probes the Open Inference Protocol health routes, as a non-root user', () => {
    expect(containers[0].readinessProbe.httpGet.path).toBe('/v2/health/ready')
    expect(containers[0].livenessProbe.httpGet.path).toBe('/v2/health/live')
    expect(containers[0].securityContext).toMatchObject({ runAsNonRoot: true, readOnlyRootFilesystem: true })
  })

  it('sets only variables the service reads', async () => {
    const known = await configVariablesOf(service)
    const set = containers[0].env.map((variable: { name: string }) => variable.name)

    expect(set.filter((variable: string) => !known.has(variable))).toEqual([])
  })
})
