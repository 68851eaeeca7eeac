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
      to: { path: '^src/(gateways|clients|config|web|migrations|queue|messages)/' },
    },
    {
      name: 'messages-call-services',
      comment:
        'Message handlers translate messages to use cases, as resources do requests; they may share the schemas of resources.',
      severity: 'error',
      from: { path: layer('messages') },
      to: {
        path: '^src/(gateways|clients|config|web|migrations|resources)/',
        pathNot: '^src/resources/[^/]+[.]schemas[.]ts$',
      },
    },
    {
      name: 'gateways-implement-ports',
      comment: 'Gateways see the domain and the clients, nothing above them.',
      severity: 'error',
      from: { path: layer('gateways') },
      to: { path: '^src/(service|resources|web|config|queue|messages)/' },
    },
    {
      name: 'clients-are-plumbing',
      comment: 'Clients are connections; they know no layer of the service.',
      severity: 'error',
      from: { path: layer('clients') },
      to: { path: '^src/(domain|service|resources|web|gateways|config|queue|messages)/' },
    },
    {
      name: 'web-is-the-frame',
      comment: 'The web layer frames resources; it reaches no gateway, client or config.',
      severity: 'error',
      from: { path: layer('web') },
      to: { path: '^src/(gateways|clients|config|service|queue|messages)/' },
    },
    {
      name: 'queue-is-the-frame',
      comment:
        'The queue layer frames message handlers as the web layer frames resources; of the clients it knows the broker only.',
      severity: 'error',
      from: { path: layer('queue') },
      to: {
        path: '^src/(gateways|clients|config|service|resources|messages|web)/',
        pathNot: '^src/clients/queue/|^src/web/field-errors[.]ts$',
      },
    },
    {
      name: 'telemetry-is-plumbing',
      comment: 'Tracing frames every layer from outside; it knows none of them.',
      severity: 'error',
      from: { path: layer('telemetry') },
      to: { path: '^src/', pathNot: layer('telemetry') },
    },
    {
      name: 'config-only-at-the-root',
      comment: 'Only the entry points and the composition root read config; everything else gets values.',
      severity: 'error',
      from: { path: '^src/', pathNot: `^src/(main|app|migrate|tracing)\\.ts$|${layer('config')}` },
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
