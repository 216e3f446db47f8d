import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A throwaway PostgreSQL cluster for the tests: initdb into a temp folder, pg_ctl start on a unix
 * socket in that folder (no TCP: nothing on the machine can collide with it), stop and remove.
 *
 * PostgreSQL refuses to run as root, and CI runs as root: there initdb and pg_ctl run as the
 * `postgres` user (Debian's package creates it) through `runuser -u postgres --`, and the folder
 * is handed to that user. As any other user they run directly.
 */
export interface PostgresCluster {
  /** postgres:// URL of the cluster's `postgres` database, as the superuser `kaoping`. */
  url: string;
  dir: string;
  stop(): void;
}

/** The newest Debian server's bin folder (/usr/lib/postgresql/N/bin), else initdb on PATH; null when absent. */
export function findPostgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) {
    const bin = path.join(root, v, 'bin');
    if (fs.existsSync(path.join(bin, 'initdb')) && fs.existsSync(path.join(bin, 'pg_ctl'))) return bin;
  }
  const which = spawnSync('/bin/sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  return which.status === 0 && which.stdout.trim() ? path.dirname(fs.realpathSync(which.stdout.trim())) : null;
}

/** A TCP port free right now: the socket file is named after it (.s.PGSQL.PORT). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const asRoot = process.getuid?.() === 0;

function run(bin: string, args: string[], what: string): void {
  const [command, commandArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const result = spawnSync(command, commandArgs, { encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) {
    const output = `${result.stderr ?? ''}${result.stdout ?? ''}`.trim().split('\n').slice(-3).join(' / ');
    throw new Error(`PostgreSQL test cluster: ${what} failed (${result.error?.message ?? `exit ${result.status}`}): ${output}`);
  }
}

/**
 * Starts a cluster; throws one line saying what failed. Locale C and UTF-8: text sorts by bytes,
 * as SQLite's default BINARY collation does, so both stores order names the same way.
 */
export async function startPostgresCluster(binDir: string): Promise<PostgresCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaoping-pg-'));
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  try {
    if (asRoot) {
      const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
      const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
      if (ids.status !== 0) throw new Error('PostgreSQL test cluster: running as root needs the `postgres` user (Debian package postgresql)');
      fs.chownSync(dir, Number(ids.stdout), Number(gid.stdout));
    }
    run(path.join(binDir, 'initdb'), ['-D', data, '-U', 'kaoping', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'], 'initdb');
    const port = await freePort();
    const serverOptions = `-p ${port} -k ${dir} -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    try {
      run(path.join(binDir, 'pg_ctl'), ['-D', data, '-l', log, '-w', '-t', '60', '-o', serverOptions, 'start'], 'pg_ctl start');
    } catch (err) {
      // The folder (and its log) goes away with the failure: say the log's last lines now.
      const tail = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n').slice(-2).join(' / ') : '';
      throw new Error(`${(err as Error).message}${tail ? ` — server log: ${tail}` : ''}`);
    }
    const url = `postgres://kaoping@localhost:${port}/postgres?host=${encodeURIComponent(dir)}`;
    return {
      url,
      dir,
      stop: () => {
        try {
          run(path.join(binDir, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], 'pg_ctl stop');
        } finally {
          remove();
        }
      },
    };
  } catch (err) {
    remove();
    throw err;
  }
}
