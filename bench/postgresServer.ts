import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findPostgresBinDir, giveToPostgres, startPostgresCluster, startPostgresServer, type PostgresCluster } from '../tests/helpers/postgresCluster';

/** The server binaries and psql, or why there are none (the PostgreSQL sections then skip, saying so). */
export function postgresBinaries(): { binDir: string; psql: string } | { missing: string } {
  const binDir = findPostgresBinDir();
  if (binDir === null) return { missing: 'PostgreSQL is not installed (Debian package postgresql: no initdb/pg_ctl)' };
  const psql = fs.existsSync(path.join(binDir, 'psql')) ? path.join(binDir, 'psql') : '/usr/bin/psql';
  if (!fs.existsSync(psql)) return { missing: 'no psql' };
  return { binDir, psql };
}

/** A throwaway cluster (tests/helpers/postgresCluster: temp folder, unix socket, fsync off), or why not. */
export async function throwawayCluster(binDir: string): Promise<PostgresCluster | { missing: string }> {
  try {
    return await startPostgresCluster(binDir);
  } catch (err) {
    return { missing: err instanceof Error ? err.message : String(err) };
  }
}

/** A server on a data folder kept in the bench cache, its socket in a temp folder; `stop` stops it cleanly and removes the socket folder. */
export async function serverOnCachedData(binDir: string, dataDir: string): Promise<{ url: string; stop(): void }> {
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaoping-bench-pg-'));
  try {
    giveToPostgres(socketDir);
    const server = await startPostgresServer(binDir, dataDir, socketDir, path.join(socketDir, 'server.log'));
    return {
      url: server.url,
      stop: () => {
        try {
          server.stop('fast');
        } finally {
          fs.rmSync(socketDir, { recursive: true, force: true });
        }
      },
    };
  } catch (err) {
    fs.rmSync(socketDir, { recursive: true, force: true });
    throw err;
  }
}
