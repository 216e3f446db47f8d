import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../helpers/tempDir';

const ROOT = path.resolve(__dirname, '../../../..');
const dir = tempDir('kaoping-serve-');

describe('kaoping serve', () => {
  it('prints the URL first, serves with its token, and stops cleanly on SIGINT', async () => {
    const rendererDir = path.join(dir, 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>serve-test</title>');
    const db = path.join(dir, 'serve.sqlite');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--db', db, '--port', '0', '--renderer-dir', rendererDir], {
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
    const url = lines[0] ?? '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
    expect(lines[1]).toMatch(/浏览器/);

    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('serve-test');
    expect((await fetch(url.replace(/\?token=.*/, ''))).status).toBe(401);

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toContain('已停止');
    // The store was closed: the WAL is checkpointed away when the last connection closes.
    expect(fs.existsSync(`${db}-wal`)).toBe(false);
  });
});
