import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/runCli';

const ROOT = path.resolve(__dirname, '../../..');

describe('kaoping --db and KAOPING_DB: a file or a postgres:// URL, nothing else', () => {
  it('refuses another scheme with a message and exit 1, creating no file or folder named after it', async () => {
    const run = await runCli(['stats', '--db', 'mysql://root:s3cret@db.example/kaoping']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('不支持的数据库地址「mysql://root:***@db.example/kaoping」');
    expect(run.stderr).not.toContain('s3cret');
    expect(fs.existsSync(path.join(ROOT, 'mysql:'))).toBe(false);
  });

  it('refuses an incomplete postgres URL given in KAOPING_DB, instead of making a folder "postgres:"', async () => {
    const run = await runCli(['stats', '--json'], { KAOPING_DB: 'postgres://kaoping@db.example' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('缺少数据库名');
    expect(fs.existsSync(path.join(ROOT, 'postgres:'))).toBe(false);
  });

  it('says which server it could not reach, without the password', async () => {
    // A unix socket folder that does not exist: refused at once, no network involved.
    const run = await runCli(['stats', '--db', 'postgres://kaoping:s3cret@localhost:5999/kaoping?host=/nonexistent-kaoping-socket']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^无法连接 PostgreSQL 数据库（postgres:\/\/kaoping:\*\*\*@localhost:5999\/kaoping/);
    expect(run.stderr).not.toContain('s3cret');
  });
});

describe('kaoping serve --listen: beyond this computer only on PostgreSQL', () => {
  it('refuses a network address on a SQLite file, before building or opening anything', async () => {
    const run = await runCli(['serve', '--listen', '0.0.0.0:8080', '--db', path.join(ROOT, 'no-such-dir', 'k.sqlite')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('不能在 0.0.0.0 上对网络开放：只有 PostgreSQL 数据库');
    expect(fs.existsSync(path.join(ROOT, 'no-such-dir'))).toBe(false);
  });

  it('on PostgreSQL goes on to the database (which must hold an admin account: serveCommand.test.ts), and refuses a malformed address', async () => {
    const onPostgres = await runCli(['serve', '--listen', '10.1.2.3:443', '--db', 'postgres://kaoping@localhost:5999/city?host=/nonexistent-kaoping-socket']);
    expect(onPostgres.code).toBe(1);
    expect(onPostgres.stderr).toMatch(/^无法连接 PostgreSQL 数据库/);
    const malformed = await runCli(['serve', '--listen', '8080']);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('--listen 需要「主机:端口」');
  });
});
