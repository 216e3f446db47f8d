import fs from 'node:fs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { findPostgresBinDir, startPostgresCluster } from '../../../helpers/postgresCluster';

const binDir = findPostgresBinDir();

describe.skipIf(!binDir)(`the throwaway PostgreSQL cluster of the tests${binDir ? '' : ' (skipped: the PostgreSQL server is not installed)'}`, () => {
  it('starts in a temp folder on a unix socket, answers, and is gone after stop', async () => {
    const cluster = await startPostgresCluster(binDir as string);
    let stopped = false;
    try {
      expect(cluster.url).toMatch(/^postgres:\/\/kaoping@localhost:\d+\/postgres\?host=/);
      expect(fs.readdirSync(cluster.dir).some((f) => f.startsWith('.s.PGSQL.'))).toBe(true);
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      const { rows } = await client.query<{ encoding: string; collate: string }>(
        "select pg_encoding_to_char(encoding) as encoding, datcollate as collate from pg_database where datname = 'postgres'",
      );
      await client.end();
      // Text sorts by bytes, as in SQLite: the two stores order names the same way.
      expect(rows).toEqual([{ encoding: 'UTF8', collate: 'C' }]);
      cluster.stop();
      stopped = true;
      expect(fs.existsSync(cluster.dir)).toBe(false);
      const late = new pg.Client({ connectionString: cluster.url });
      await expect(late.connect()).rejects.toThrow();
    } finally {
      if (!stopped) cluster.stop();
    }
  });

  it('fails with one line saying what failed when it cannot start', async () => {
    const error = await startPostgresCluster('/nonexistent/postgresql/bin').then(
      () => null,
      (err: unknown) => err as Error,
    );
    expect(error?.message).toMatch(/^PostgreSQL test cluster: initdb failed/);
    expect(error?.message.includes('\n')).toBe(false);
  });
});
