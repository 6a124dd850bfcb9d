import { defineConfig } from 'vitest/config';

/**
 * Projects: pure unit tests, then the data-layer and HTTP tests (`*.int.test.ts`) once per database, then the
 * browser tests. scripts/test.ts decides which database legs run (TANDEM_TEST_LEGS) and fails in CI when one
 * cannot.
 */
const legs = (process.env.TANDEM_TEST_LEGS ?? 'pglite').split(',').filter(Boolean);
const integrationGlobs = ['packages/server/src/**/*.int.test.ts', 'packages/server/scripts/**/*.int.test.ts'];

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'core', include: ['packages/core/src/**/*.test.ts'] } },
      {
        test: {
          name: 'web',
          include: ['packages/web/src/**/*.test.ts', 'packages/web/scripts/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'server',
          include: ['packages/server/src/**/*.test.ts', 'packages/server/scripts/**/*.test.ts'],
          exclude: integrationGlobs,
        },
      },
      ...legs.map((leg) => ({
        test: {
          name: `server:${leg}`,
          include: integrationGlobs,
          env: { TANDEM_TEST_DB: leg },
          globalSetup: ['packages/server/src/testing/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      })),
      {
        test: {
          name: 'bench',
          include: ['bench/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          // Each browser test's server starts from the run's migrated template database.
          globalSetup: ['packages/server/src/testing/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
