import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * Integration tests that are dialect-neutral run a second time on PostgreSQL (issue 18: "the
 * integration suite runs against both dialects"): in the `postgres` project, KAOPING_TEST_STORE
 * makes tests/helpers/testStore.ts (and the fixture helpers built on it) open a fresh PostgreSQL
 * database instead of a SQLite file. Not listed: tests SQLite-only by nature (backups, restore,
 * pragmas, file checks, the SQLite upserter and raw better-sqlite3 checks), each saying why at its top, and
 * those already comparing both stores in one run (describeOnBothStores, postgresImport).
 */
const ON_POSTGRES_TOO = [
  'tests/integration/backend/handlers/dataHandlers.test.ts',
  'tests/integration/backend/handlers/demoHandlers.test.ts',
  'tests/integration/backend/handlers/evaluationHandlers.test.ts',
  'tests/integration/backend/handlers/gridExport.test.ts',
  'tests/integration/backend/handlers/importHandlers.test.ts',
  'tests/integration/backend/handlers/journalsHandlers.test.ts',
  'tests/integration/backend/handlers/methodAccess.test.ts',
  'tests/integration/backend/handlers/reportHandlers.test.ts',
  'tests/integration/backend/handlers/scorecardHandlers.test.ts',
  'tests/integration/backend/handlers/settingsHandlers.test.ts',
  'tests/integration/backend/handlers/undoAdjustment.test.ts',
  'tests/integration/backend/services/districts/districtScope.test.ts',
  'tests/integration/backend/services/districts/importDistrict.test.ts',
  'tests/integration/backend/services/evaluation/correctionsAndUndo.test.ts',
  'tests/integration/backend/services/evaluation/finalizedReportReproduces.test.ts',
  'tests/integration/backend/services/evaluation/journalCopyCache.test.ts',
  'tests/integration/backend/services/evaluation/monthReadsItsMasterData.test.ts',
  'tests/integration/backend/services/evaluation/reportCli.test.ts',
  'tests/integration/backend/services/evaluation/reportWindow.test.ts',
  'tests/integration/backend/services/evaluation/twoDistricts.test.ts',
  'tests/integration/backend/services/evaluation/whoIsJudged.test.ts',
  'tests/integration/backend/services/freeze/finalizedMonthWrites.test.ts',
  'tests/integration/backend/services/import/importCorpus.test.ts',
  'tests/integration/backend/services/import/importFile.test.ts',
  'tests/integration/backend/services/import/oldFormats.test.ts',
  'tests/integration/backend/services/report/exportMonthReport.test.ts',
  'tests/integration/backend/services/report/exportScorecards.test.ts',
];

/**
 * The postgres project exists when a server can be had, not when turned off: a URL in KAOPING_TEST_PG,
 * or the server binaries the globalSetup starts a cluster with (tests/helpers/postgresCluster.ts's
 * findPostgresBinDir looks in the same places; not imported: the config loader wants no extensionless imports).
 */
const postgresBinaries = () =>
  (fs.existsSync('/usr/lib/postgresql') && fs.readdirSync('/usr/lib/postgresql').some((v) => fs.existsSync(`/usr/lib/postgresql/${v}/bin/initdb`))) ||
  spawnSync('/bin/sh', ['-c', 'command -v initdb']).status === 0;
const postgresAvailable = process.env.KAOPING_TEST_PG !== 'off' && (Boolean(process.env.KAOPING_TEST_PG) || postgresBinaries());

/** Both projects' settings (written out, not inherited: inheriting would add the root's include to the postgres project's). */
const shared = {
  testTimeout: 60_000,
  hookTimeout: 60_000,
  pool: 'forks' as const,
  // A throwaway PostgreSQL for the tests that run on both stores (KAOPING_TEST_PG); started once.
  globalSetup: ['tests/helpers/postgresGlobalSetup.ts'],
};

export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'sqlite', include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'] } },
      ...(postgresAvailable ? [{ test: { ...shared, name: 'postgres', include: ON_POSTGRES_TOO, env: { KAOPING_TEST_STORE: 'postgres' } } }] : []),
    ],
  },
});
