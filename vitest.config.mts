import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // A throwaway PostgreSQL for the tests that run on both stores (KAOPING_TEST_PG).
    globalSetup: ['tests/helpers/postgresGlobalSetup.ts'],
  },
});
