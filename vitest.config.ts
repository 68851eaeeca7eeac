import { defineConfig } from 'vitest/config'

/**
 * One run for everything: the generator's own tests, the template's and every example's. Many
 * files spend their time waiting on other processes (npm, a service, a nested test run), so more
 * of them run at once than there are cores.
 */
export default defineConfig({
  test: {
    maxWorkers: 4,
    projects: [
      'template/vitest.config.ts',
      'examples/*/vitest.config.ts',
      {
        test: {
          name: 'anatomy',
          include: ['tests/**/*.test.ts'],
          globalSetup: ['tests/support/build-cli.setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
})
