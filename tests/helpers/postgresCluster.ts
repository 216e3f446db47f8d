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

/** As root, hands a folder to the `postgres` user, the one initdb and pg_ctl run as. */
export function giveToPostgres(dir: string): void {
  if (!asRoot) return;
  const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (ids.status !== 0) throw new Error('PostgreSQL test cluster: running as root needs the `postgres` user (Debian package postgresql)');
  fs.chownSync(dir, Number(ids.stdout), Number(gid.stdout));
}

/** initdb into `data` (an absent or empty folder). Locale C and UTF-8: text sorts by bytes, as SQLite's BINARY collation does. */
export function initPostgresData(binDir: string, data: string): void {
  fs.mkdirSync(data, { recursive: true, mode: 0o700 });
  giveToPostgres(data);
  run(path.join(binDir, 'initdb'), ['-D', data, '-U', 'kaoping', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'], 'initdb');
}

/**
 * Starts a server on an initialised data folder, its unix socket in `socketDir` (no TCP), fsync
 * off. `stop` stops it (`fast`: the data folder stays consistent, for a data folder kept between
 * runs; `immediate` for a throwaway one) and leaves both folders to the caller.
 */
export async function startPostgresServer(binDir: string, data: string, socketDir: string, log: string): Promise<{ url: string; stop(mode?: 'fast' | 'immediate'): void }> {
  const port = await freePort();
  const serverOptions = `-p ${port} -k ${socketDir} -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  try {
    run(path.join(binDir, 'pg_ctl'), ['-D', data, '-l', log, '-w', '-t', '60', '-o', serverOptions, 'start'], 'pg_ctl start');
  } catch (err) {
    const tail = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n').slice(-2).join(' / ') : '';
    throw new Error(`${(err as Error).message}${tail ? ` — server log: ${tail}` : ''}`);
  }
  return {
    url: `postgres://kaoping@localhost:${port}/postgres?host=${encodeURIComponent(socketDir)}`,
    stop: (mode = 'immediate') => run(path.join(binDir, 'pg_ctl'), ['-D', data, '-m', mode, '-w', 'stop'], 'pg_ctl stop'),
  };
}

/** Starts a throwaway cluster in a temp folder; throws one line saying what failed. `stop` removes the folder. */
export async function startPostgresCluster(binDir: string): Promise<PostgresCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaoping-pg-'));
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    giveToPostgres(dir);
    const data = path.join(dir, 'data');
    initPostgresData(binDir, data);
    const server = await startPostgresServer(binDir, data, dir, path.join(dir, 'server.log'));
    return {
      url: server.url,
      dir,
      stop: () => {
        try {
          server.stop('immediate');
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
