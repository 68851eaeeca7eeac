import { defineConfig } from 'vitest/config'

/** One run for everything: the generator's own tests, the template's and every example's. */
export default defineConfig({
  test: {
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
