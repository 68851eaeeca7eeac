/**
 * The dependency rule: arrows point inward only. `npm test` fails when a file breaks it
 * (test/architecture/dependency-rule.test.ts); `npx depcruise src` shows the same report.
 */
const layer = (name) => `^src/${name}/`

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'The domain imports nothing but the domain: no framework, driver, config or node module.',
      severity: 'error',
      from: { path: layer('domain') },
      to: { pathNot: layer('domain') },
    },
    {
      name: 'service-uses-domain-only',
      comment: 'Use cases speak to the outside world through the ports the domain defines.',
      severity: 'error',
      from: { path: layer('service') },
      to: { pathNot: `${layer('service')}|${layer('domain')}` },
    },
    {
      name: 'resources-call-services',
      comment: 'Resources translate HTTP to use cases; they never reach for gateways, clients or config.',
      severity: 'error',
      from: { path: layer('resources') },
      to: { path: '^src/(gateways|clients|config|web|migrations)/' },
    },
    {
      name: 'gateways-implement-ports',
      comment: 'Gateways see the domain and the clients, nothing above them.',
      severity: 'error',
      from: { path: layer('gateways') },
      to: { path: '^src/(service|resources|web|config)/' },
    },
    {
      name: 'clients-are-plumbing',
      comment: 'Clients are connections; they know no layer of the service.',
      severity: 'error',
      from: { path: layer('clients') },
      to: { path: '^src/(domain|service|resources|web|gateways|config)/' },
    },
    {
      name: 'web-is-the-frame',
      comment: 'The web layer frames resources; it reaches no gateway, client or config.',
      severity: 'error',
      from: { path: layer('web') },
      to: { path: '^src/(gateways|clients|config|service)/' },
    },
    {
      name: 'config-only-at-the-root',
      comment: 'Only the entry points and the composition root read config; everything else gets values.',
      severity: 'error',
      from: { path: '^src/', pathNot: `^src/(main|app|migrate)\\.ts$|${layer('config')}` },
      to: { path: layer('config') },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
}
