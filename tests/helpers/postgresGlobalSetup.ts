import { findPostgresBinDir, startPostgresCluster } from './postgresCluster';

/**
 * vitest globalSetup: gives the integration suite a PostgreSQL to run on, in KAOPING_TEST_PG.
 *
 * - KAOPING_TEST_PG already set (a postgres:// URL): used as is; `off` turns the PostgreSQL tests off.
 * - Else, when the PostgreSQL server binaries are installed (Debian's postgresql; `npm test`'s
 *   pretest installs it as root), a throwaway cluster is started for this run and stopped after it.
 *   A cluster that cannot start fails the run with one line saying why.
 * - Else the PostgreSQL tests skip, saying so (tests/helpers/postgresTestUrl.ts).
 *
 * Workers are forked after this runs, so the variable set here reaches every test file.
 */
export default async function setup(): Promise<(() => void) | undefined> {
  if (process.env.KAOPING_TEST_PG) return undefined;
  const binDir = findPostgresBinDir();
  if (!binDir) {
    process.env.KAOPING_TEST_PG_MISSING = 'the PostgreSQL server is not installed (Debian: apt-get install postgresql)';
    return undefined;
  }
  const cluster = await startPostgresCluster(binDir);
  process.env.KAOPING_TEST_PG = cluster.url;
  return () => cluster.stop();
}
