import { defineConfig } from 'vitest/config'

/**
 * Tests that hold a running service to deadlines (readiness turning 503 within 2 s, a shutdown
 * within its timeout, a remote's calls within theirs): they run after everything else, away from the image builds and the
 * installs that would starve them of the machine's cores.
 */
const deadlineTests = [
  'tests/e2e/gateway.test.ts',
  'tests/reliability/database-outage.test.ts',
  'tests/reliability/model-serving-faults.test.ts',
  'tests/ship/graceful-shutdown.test.ts',
]

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
          exclude: deadlineTests,
          globalSetup: ['tests/support/build-cli.setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'anatomy-deadlines',
          include: deadlineTests,
          testTimeout: 30_000,
          hookTimeout: 300_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
})
