/**
 * The files of each example written or changed by hand after generation. Every other file is
 * the generator's: the drift test requires it to be exactly what regenerating gives, and
 * `npm run examples:sync` rewrites it from the current template. The shared plumbing (web/,
 * config formats and reading, problems, health, the bundle script, their tests) is never here.
 */
export const handGrownFiles = {
  'model-serving': [
    '.dockerignore',
    '.gitignore',
    'Dockerfile',
    'README.md',
    'biome.json',
    'deploy/k8s/configmap.yaml',
    'deploy/k8s/deployment.yaml',
    'package.json',
    'src/app.ts',
    'src/config/config.schema.ts',
    'src/config/load-config.ts',
    'test/config/load-config.test.ts',
    'test/resources/health.resource.test.ts',
    'test/support/http.ts',
    'test/web/metrics.test.ts',
    'test/web/openapi.test.ts',
    'tsconfig.json',
    'vitest.config.ts',
  ].sort(),
  'pet-profiles': [
    'README.md',
    'src/app.ts',
    'src/domain/profiles/pet-profile.ts',
    'src/resources/profiles.resource.ts',
    'src/resources/profiles.schemas.ts',
    'src/service/profiles.service.ts',
    'test/resources/profiles.resource.test.ts',
    'test/service/profiles.service.test.ts',
  ].sort(),
  pets: [
    'README.md',
    'src/app.ts',
    'src/domain/pets/pet.ts',
    'src/domain/pets/pet-events.ts',
    'src/messages/adoption-requests.consumer.ts',
    'src/messages/pet-events.ts',
    'src/messages/pets.messages.ts',
    'src/domain/pets/pet.errors.ts',
    'src/domain/pets/pet-repository.port.ts',
    'src/service/pets.service.ts',
    'src/resources/pets.schemas.ts',
    'src/resources/pets.resource.ts',
    'src/gateways/pets.gateway.ts',
    'src/migrations/index.ts',
    'src/migrations/20261123170000_unique_pet_names_per_owner.ts',
    'test/fakes/pets.fake.ts',
    'test/contracts/pet-repository.contract.ts',
    'test/domain/pet.test.ts',
    'test/service/pets.service.test.ts',
    'test/resources/pets.resource.test.ts',
    'test/messages/adoption-requests.test.ts',
    'test/telemetry/pet-tracing.test.ts',
  ].sort(),
}

/**
 * Files of the template an example leaves out: model-serving has no database, no lists of stored
 * items, no broker, and calls no remote.
 */
export const leftOutFiles: Record<keyof typeof handGrownFiles, readonly string[]> = {
  'model-serving': [
    'pglite/snapshot.tar.gz',
    'scripts/make-pglite-snapshot.ts',
    'src/clients/database/',
    'src/clients/http/',
    'src/clients/queue/',
    'src/config/auth.settings.ts',
    'src/config/broker.settings.ts',
    'src/config/remote.settings.ts',
    'src/domain/events/',
    'src/domain/list-query.ts',
    'src/domain/page.ts',
    'src/domain/transactions.port.ts',
    'src/gateways/broker.probe.ts',
    'src/gateways/database-errors.ts',
    'src/gateways/database.probe.ts',
    'src/gateways/inbox.gateway.ts',
    'src/gateways/keyset.ts',
    'src/gateways/message-retention.ts',
    'src/gateways/outbox-relay.ts',
    'src/gateways/outbox.gateway.ts',
    'src/gateways/remote-errors.ts',
    'src/gateways/remote.probe.ts',
    'src/gateways/transactions.ts',
    'src/messaging.ts',
    'src/migrate.ts',
    'src/migrations/',
    'src/queue/',
    'src/resources/list-query.ts',
    'test/clients/database.test.ts',
    'test/clients/http/',
    'test/config/auth-settings.test.ts',
    'test/config/broker-settings.test.ts',
    'test/config/remote-settings.test.ts',
    'test/fakes/',
    'test/gateways/outbox-relay.test.ts',
    'test/gateways/outbox.test.ts',
    'test/gateways/remote.test.ts',
    'test/queue/',
    'test/support/broker.ts',
    'test/support/pglite-snapshot.setup.ts',
    'test/support/test-database.ts',
    'test/support/unreliable-remote.ts',
    'test/telemetry/tracing.test.ts',
    'test/web/request-context.test.ts',
  ],
  'pet-profiles': [],
  pets: [],
}

export function isLeftOut(example: keyof typeof handGrownFiles, file: string): boolean {
  return leftOutFiles[example].some((path) => (path.endsWith('/') ? file.startsWith(path) : file === path))
}

/** Files npm, the build and the running service make, which no generator writes. */
export function notGeneratorOwned(file: string): boolean {
  return ['dist/', 'node_modules/', '.data/'].some((folder) => file.startsWith(folder)) || file === 'package-lock.json'
}
