import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, parsePolicy } from '../../electron/main/contentSecurityPolicy';
import { findElectronBinary } from './electronBinary';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const binary = findElectronBinary(ROOT);
const skipReason = binary.found ? null : binary.reason;

function npmBin(name: string): string {
  return path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
}

// Checked BEFORE anything launches: without a binary the whole suite is skipped, with the reason.
describe.skipIf(skipReason !== null)(`the desktop app in Electron${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let app: ElectronApplication;
  let page: Page;
  let dir = '';

  beforeAll(async () => {
    if (!binary.found) return;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaoping-electron-'));
    const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
    run(npmBin('tsx'), ['scripts/ensureNativeBuild.mjs', 'electron']);
    run(npmBin('electron-vite'), ['build']);
    app = await _electron.launch({
      executablePath: binary.path,
      args: [ROOT, `--user-data-dir=${path.join(dir, 'userData')}`],
      env: { ...process.env, KAOPING_DB: path.join(dir, 'kaoping.sqlite') },
      timeout: 60_000,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await app?.close();
    // npm test and the command line need the Node build of better-sqlite3 back.
    if (binary.found) execFileSync(process.execPath, ['scripts/ensureNativeBuild.mjs', 'node'], { cwd: ROOT, stdio: 'inherit' });
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the built renderer from app://kaoping with the title 考评工作台', async () => {
    expect(await page.title()).toBe('考评工作台');
    expect(page.url()).toMatch(/^app:\/\/kaoping\/index\.html/);
  });

  it('carries the strict Content-Security-Policy', async () => {
    const meta = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(Object.fromEntries(parsePolicy(meta ?? ''))).toEqual(Object.fromEntries(parsePolicy(CONTENT_SECURITY_POLICY)));
    // An inline script is refused by it.
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.head.appendChild(s);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
  });

  it('gives the page no Node and only window.kaoping = { invoke, on }', async () => {
    const seen = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (globalThis as unknown as { process?: unknown }).process,
      module: typeof (globalThis as unknown as { module?: unknown }).module,
      kaoping: Object.keys((window as unknown as { kaoping: object }).kaoping).sort(),
    }));
    expect(seen).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', kaoping: ['invoke', 'on'] });
  });

  it("answers window.kaoping.invoke('app.info', {}) from the backend", async () => {
    const info = await page.evaluate(() => (window as unknown as { kaoping: { invoke(n: string, a: unknown): Promise<unknown> } }).kaoping.invoke('app.info', {}));
    expect(info).toMatchObject({ ok: true, data: { databasePath: path.join(dir, 'kaoping.sqlite') } });
  });

  it('stays on its page when the page tries to navigate away', async () => {
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
  });
});

describe('the Electron check itself', () => {
  it(`knows whether it can run here (${skipReason ?? 'binary found'})`, () => {
    expect(binary.found || (skipReason ?? '').length > 0).toBe(true);
  });
});
