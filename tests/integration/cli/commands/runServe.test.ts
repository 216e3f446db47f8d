import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStoreAt } from '../../../../src/backend/db/openStoreAt';
import { addAccount } from '../../../../src/backend/services/accounts/manageAccounts';
import { freshPostgresDatabase, postgresSkipReason, postgresTestUrl } from '../../../helpers/postgresTestDatabase';
import { runCli } from '../../../helpers/runCli';
import { tempDir } from '../../../helpers/tempDir';

const ROOT = path.resolve(__dirname, '../../../..');
const dir = tempDir('kaoping-serve-city-');

const pgUrl = postgresTestUrl();

describe.skipIf(!pgUrl)(`kaoping serve --listen on a network address: PostgreSQL with an admin account${postgresSkipReason()}`, () => {
  it('refuses while the database has no active admin, then serves with login once it has one', async () => {
    const url = await freshPostgresDatabase(pgUrl as string);
    const rendererDir = path.join(dir, 'renderer-city');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>city</title>');
    const refused = await runCli(['serve', '--listen', '0.0.0.0:0', '--db', url, '--renderer-dir', rendererDir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('不能启动登录模式：数据库中还没有可用的管理员账号。请先添加一个：kaoping user add 姓名 --role admin --db postgres://');

    const store = await openStoreAt(url);
    try {
      await addAccount(store.db, { name: 'admin1', role: 'admin', password: 'admin-pass-1' }, { who: 'test', now: new Date() }, { N: 1024, r: 8, p: 1 });
    } finally {
      await store.close();
    }
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--db', url, '--listen', '0.0.0.0:0', '--renderer-dir', rendererDir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const lines = await new Promise<string[]>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (c: string) => {
        stdout += c;
        const l = stdout.split('\n');
        if (l.length >= 3) resolve(l);
      });
      void exited.then((code) => reject(new Error(`serve exited early (${code}): ${stderr}`)));
    });
    expect(lines[0]).toMatch(/^http:\/\/0\.0\.0\.0:\d+\/$/);
    expect(lines[1]).toContain('登录模式');
    const port = Number(/:(\d+)\/$/.exec(lines[0] ?? '')?.[1]);
    const session = await fetch(`http://127.0.0.1:${port}/auth/session`);
    expect(await session.json()).toEqual({ mode: 'accounts', account: null });
    expect((await fetch(`http://127.0.0.1:${port}/api/app.info`, { method: 'POST', headers: { 'x-kaoping-call': '1' } })).status).toBe(401);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
