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
