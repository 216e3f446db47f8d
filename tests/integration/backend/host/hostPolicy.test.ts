import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendSession } from '../../../../electron/main/backendSession';
import { createDispatch } from '../../../../electron/main/contractDispatch';
import { rendererIndexUrl } from '../../../../electron/main/navigationPolicy';
import { listBackups } from '../../../../src/backend/db/sqlite/backupDatabase';
import { openStore, type Store } from '../../../../src/backend/db/openStore';
import { WriteLock } from '../../../../src/backend/handlers/writeLock';
import { startHttpHost, type HttpHost } from '../../../../src/backend/host/startHttpHost';
import { importFile } from '../../../../src/backend/services/import/importFile';
import { CALL_HEADER, CALL_HEADER_VALUE, TOKEN_HEADER } from '../../../../src/shared/api/httpProtocol';
import type { Result } from '../../../../src/shared/api/result';
import { decodeWire, encodeWire } from '../../../../src/shared/api/wireCodec';
import { runCli } from '../../../helpers/runCli';
import { tempDir } from '../../../helpers/tempDir';
import { writeBrandsCsv } from '../../../helpers/brandsCsv';
import { databaseFacts } from '../../../helpers/databaseFacts';

const now = new Date('2026-11-03T08:00:00Z');
const dir = tempDir('kaoping-policy-');
const BRANDS = 120;

/** One host as a test drives it: a contract call by name, as the page would make it. */
interface HostUnderTest {
  databasePath: string;
  lock: WriteLock;
  call(name: string, arg: unknown): Promise<Result<unknown>>;
  close(): Promise<void>;
}

/** A database with one import batch (so backups are due) and 2026-10 finalized. */
async function seededDatabase(name: string): Promise<string> {
  const databasePath = path.join(dir, name, 'kaoping.sqlite');
  const store = await openStore(databasePath, { backupBeforeMigrate: false, now: () => now });
  await importFile(store, writeBrandsCsv(path.join(dir, name, '品规目录.csv'), 0, BRANDS), { now });
  const scheme = await store.db
    .insertInto('schemes')
    .values({ name: '默认方案', version: 1, definition_json: '{}', created_at: now.toISOString(), created_by: 'test' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await store.db
    .insertInto('evaluations')
    .values({
      month: '2026-10',
      scheme_id: scheme.id,
      status: 'final',
      evaluated_at: '2026-11-01T08:00:00Z',
      finalized_at: '2026-11-02T08:00:00Z',
      finalized_by: '张主任',
      input_batches_json: '[]',
      result_json: '{}',
      // The store's one district, which the brands import created (migration 0014).
      district_id: (await store.db.selectFrom('districts').select('id').executeTakeFirstOrThrow()).id,
    })
    .execute();
  await store.close();
  return databasePath;
}

/** Electron: main's IPC dispatch (sender check) over the desktop app's backend session. */
async function electronHost(): Promise<HostUnderTest> {
  const databasePath = await seededDatabase('electron');
  const lock = new WriteLock();
  const log = { info: () => undefined, error: () => undefined } as never;
  const session = new BackendSession({ databasePath, workDir: path.dirname(databasePath), log, now: () => now, writeLock: lock });
  await session.open();
  const indexUrl = rendererIndexUrl();
  const dispatch = createDispatch({ indexUrl, invoke: session.invoke, log: { error: () => undefined } });
  return {
    databasePath,
    lock,
    call: (name, arg) => dispatch(name, { url: indexUrl, parent: null }, arg, () => undefined),
    close: () => session.close(),
  };
}

/** The loopback HTTP host, called over real HTTP with the token and call headers. */
async function httpHost(): Promise<HostUnderTest> {
  const databasePath = await seededDatabase('http');
  const lock = new WriteLock();
  const store: Store = await openStore(databasePath, { now: () => now });
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir, { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>考评工作台</title>');
  const host: HttpHost = await startHttpHost({ store, rendererDir, now: () => now, workDir: path.dirname(databasePath), logError: () => undefined, writeLock: lock });
  const call = (name: string, arg: unknown) =>
    new Promise<Result<unknown>>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: `/api/${name}`,
          method: 'POST',
          headers: { [TOKEN_HEADER]: host.token, [CALL_HEADER]: CALL_HEADER_VALUE, 'content-type': 'application/json' },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(decodeWire(Buffer.concat(chunks).toString('utf8')) as Result<unknown>));
        },
      );
      req.on('error', reject);
      req.end(encodeWire(arg));
    });
  return {
    databasePath,
    lock,
    call,
    close: async () => {
      await host.close();
      await store.close();
    },
  };
}

const hosts: Record<string, HostUnderTest> = {};

beforeAll(async () => {
  hosts.electron = await electronHost();
  hosts.http = await httpHost();
}, 120_000);
afterAll(async () => {
  for (const host of Object.values(hosts)) await host.close();
});

/** The same call through every host: the results by host name. */
async function everyHost(name: string, arg: unknown): Promise<Record<string, Result<unknown>>> {
  const out: Record<string, Result<unknown>> = {};
  for (const [hostName, host] of Object.entries(hosts)) out[hostName] = await host.call(name, arg);
  return out;
}

describe('every host runs the same policy for a contract method', () => {
  it('finalized month: a write into it is refused with the same code and message', async () => {
    const results = await everyHost('calendar.setDay', { date: '2026-10-10', workday: false });
    for (const r of Object.values(results)) {
      expect(r).toMatchObject({ ok: false, error: { code: 'finalized', message: expect.stringContaining('2026-10 已定稿') } });
    }
    expect(results.http).toEqual(results.electron);
  });

  it('error shape: unknown names and bad arguments give the same Result on every host', async () => {
    const unknown = await everyHost('app.secret', {});
    expect(unknown.electron).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(unknown.http).toEqual(unknown.electron);
    const invalid = await everyHost('import.undo', { batchId: 'one' });
    expect(invalid.electron).toMatchObject({ ok: false, error: { code: 'invalid_argument', message: expect.stringContaining('batchId') } });
    expect(invalid.http).toEqual(invalid.electron);
    const missing = await everyHost('settings.scheme', { name: '没有这个方案' });
    expect(missing.electron).toMatchObject({ ok: false, error: { code: 'unknown_scheme' } });
    expect(missing.http).toEqual(missing.electron);
  });

  it('write lock: a write waits while another writer holds the lock, reads do not', async () => {
    for (const [hostName, host] of Object.entries(hosts)) {
      let release = (): void => undefined;
      const held = host.lock.run(() => new Promise<void>((resolve) => (release = resolve)));
      let finished = false;
      const write = host.call('app.setSupervisor', { name: '李主任', unit: '营销部' }).then((r) => {
        finished = true;
        return r;
      });
      // A read on the same host answers meanwhile; the write cannot have, the lock is still held.
      expect((await host.call('app.info', {})).ok, hostName).toBe(true);
      expect(finished, hostName).toBe(false);
      release();
      await held;
      expect(await write, hostName).toMatchObject({ ok: true });
    }
  });

  it('backup first: an undo takes an online backup holding the data as it was before', async () => {
    const results = await everyHost('import.undo', { batchId: 1 });
    for (const [hostName, host] of Object.entries(hosts)) {
      expect(results[hostName], hostName).toMatchObject({ ok: true, data: { batchId: 1, deleted: BRANDS } });
      const backups = listBackups(host.databasePath);
      expect(backups, hostName).toHaveLength(1);
      expect(path.basename(backups[0] ?? ''), hostName).toContain('before-import-undo');
      expect(databaseFacts(backups[0] ?? '').brands, hostName).toBe(BRANDS);
      expect(databaseFacts(host.databasePath).brands, hostName).toBe(0);
    }
    expect(results.http).toEqual(results.electron);
  });

  it('the command line, where it writes the same data: the same backup before an undo', async () => {
    const databasePath = await seededDatabase('cli');
    const undo = await runCli(['undo', '1', '--db', databasePath]);
    expect(undo.code, undo.stderr).toBe(0);
    const backups = listBackups(databasePath);
    expect(backups).toHaveLength(1);
    expect(databaseFacts(backups[0] ?? '').brands).toBe(BRANDS);
    expect(databaseFacts(databasePath).brands).toBe(0);
  }, 60_000);
});
