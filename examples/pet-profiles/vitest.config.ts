import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Test files share their worker's modules rather than import everything again, a third of the
    // run's time: none mocks a module or leaves global state behind (else: isolate: true).
    isolate: false,
    globalSetup: ['test/support/pglite-snapshot.setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
})
