import { defineConfig } from 'vitest/config';
import { findPostgresBinDir } from './tests/helpers/postgresCluster';

/**
 * Integration tests that are dialect-neutral run a second time on PostgreSQL (issue 18: "the
 * integration suite runs against both dialects"): in the `postgres` project, KAOPING_TEST_STORE
 * makes tests/helpers/testStore.ts (and the fixture helpers built on it) open a fresh PostgreSQL
 * database instead of a SQLite file. Not listed: tests SQLite-only by nature (backups, restore,
 * pragmas, file checks, the SQLite upserter and raw better-sqlite3 checks), each saying why, and
 * those already comparing both stores in one run (describeOnBothStores, postgresImport).
 */
const ON_POSTGRES_TOO = [
  'tests/integration/backend/handlers/dataHandlers.test.ts',
];

/** The postgres project exists when a server can be had (the globalSetup starts one), not when turned off. */
const postgresAvailable = process.env.KAOPING_TEST_PG !== 'off' && (Boolean(process.env.KAOPING_TEST_PG) || findPostgresBinDir() !== null);

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // A throwaway PostgreSQL for the tests that run on both stores (KAOPING_TEST_PG).
    globalSetup: ['tests/helpers/postgresGlobalSetup.ts'],
    projects: [
      { extends: true as const, test: { name: 'sqlite' } },
      ...(postgresAvailable ? [{ extends: true as const, test: { name: 'postgres', include: ON_POSTGRES_TOO, env: { KAOPING_TEST_STORE: 'postgres' } } }] : []),
    ],
  },
});
