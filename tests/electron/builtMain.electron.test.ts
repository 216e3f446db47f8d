import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'electron-vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/contentSecurityPolicy';
import { checkWindowOptions } from '../../electron/main/windowSecurity';
import { API_NAMES, IPC_PREFIX } from '../../src/shared/api/kaopingApi';

/**
 * The BUILT main process and preload (electron-vite's output, as `npm start` and the installer
 * run them), exercised in plain Node against a stand-in `electron` module (tests/electron/stub).
 * Runs everywhere, binary or not: it proves the bundles link, register the whole contract, and
 * apply the security settings; what only a real Electron can show is app.electron.test.ts's job.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const work = path.join(ROOT, '.tmp', `electron-build-${process.pid}`);
const outDir = path.join(work, 'out');

interface StubReport {
  indexUrl: string;
  windowOptions: Parameters<typeof checkWindowOptions>[0];
  channels: string[];
  appInfo: unknown;
  fromIframe: unknown;
  fromElsewhere: unknown;
  fromNowhere: unknown;
  invalidArg: unknown;
  navigation: [string, string][];
  frameNavigation: [string, string][];
  schemes: { scheme: string; privileges: Record<string, boolean> }[];
  served: [string, number | null][];
  popup: unknown;
  permissions: boolean[];
  headers: { responseHeaders: Record<string, string[]> };
  request: unknown;
  menuLabels: string[][];
  sent: [string, unknown][];
  errors: string[];
}

let report: StubReport;
let exitCode: number | null = null;
let databaseFiles: string[] = [];

beforeAll(async () => {
  fs.mkdirSync(work, { recursive: true });
  // main and preload only (the renderer is not needed here), from the real electron.vite.config.ts.
  const config = path.join(work, 'electron.vite.config.mts');
  fs.writeFileSync(
    config,
    `import real from '../../electron.vite.config';
const cfg = real as { main: { build: object }; preload: { build: object } };
export default {
  main: { ...cfg.main, build: { ...cfg.main.build, outDir: ${JSON.stringify(path.join(outDir, 'main'))} } },
  preload: { ...cfg.preload, build: { ...cfg.preload.build, outDir: ${JSON.stringify(path.join(outDir, 'preload'))} } },
};
`,
  );
  await build({ configFile: config, root: ROOT, logLevel: 'error' });

  const dataDir = path.join(work, 'data');
  fs.mkdirSync(dataDir, { recursive: true });
  const child = spawn(process.execPath, ['--import', path.join(ROOT, 'tests/electron/stub/register.mjs'), path.join(outDir, 'main', 'index.js')], {
    cwd: ROOT,
    env: { ...process.env, KAOPING_STUB_DIR: dataDir, KAOPING_DB: path.join(dataDir, 'kaoping.sqlite') },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  exitCode = await new Promise((resolve) => child.on('exit', resolve));
  const line = stdout.split('\n').find((l) => l.startsWith('STUB-REPORT {'));
  if (!line) throw new Error(`the built main process gave no report (exit ${exitCode}):\n${stdout}\n${stderr}`);
  report = JSON.parse(line.slice('STUB-REPORT '.length)) as StubReport;
  databaseFiles = fs.readdirSync(dataDir);
}, 300_000);

afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

describe('the built main process (out/main/index.js) under a stand-in Electron', () => {
  it('opens the database, creates the window with options that pass the checklist, and quits cleanly', () => {
    expect(report.errors).toEqual([]);
    expect(checkWindowOptions(report.windowOptions)).toEqual([]);
    expect(report.windowOptions.title).toBe('考评工作台');
    // Served from the privileged app:// scheme, registered before ready, never from file://.
    expect(report.indexUrl).toBe('app://kaoping/index.html');
    expect(report.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, bypassCSP: false }) }]);
    expect(exitCode).toBe(0);
    // Closed on quit: the WAL was checkpointed and removed.
    expect(databaseFiles.filter((f) => f.startsWith('kaoping.sqlite'))).toEqual(['kaoping.sqlite']);
  });

  it('registers every name of the contract, and nothing else, on ipcMain', () => {
    expect(report.channels).toEqual(API_NAMES.map((n) => `${IPC_PREFIX}${n}`).sort());
  });

  it("answers the app's own page and refuses iframes, other pages and vanished frames", () => {
    expect(report.appInfo).toMatchObject({ ok: true, data: { empty: true } });
    for (const refused of [report.fromIframe, report.fromElsewhere, report.fromNowhere]) {
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(report.invalidArg).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it('refuses navigation away, new windows, permissions and network requests, and sets the CSP header', () => {
    expect(report.navigation.map(([, verdict]) => verdict)).toEqual(['allowed', 'refused', 'refused']);
    expect(report.frameNavigation.map(([, verdict]) => verdict)).toEqual(['allowed', 'refused', 'refused']);
    // app:// answers nothing outside the renderer build (404), whatever the path says.
    expect(report.served.map(([, status]) => status)).toEqual([404, 404, 404]);
    expect(report.popup).toEqual({ action: 'deny' });
    expect(report.permissions).toEqual([false, false, false]);
    expect(report.request).toEqual({ cancel: true });
    expect(report.headers.responseHeaders['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });

  it('installs the Chinese menu; 导入 reaches the page as an app.menu event', () => {
    expect(report.menuLabels[0]).toEqual(['文件(&F)', '导入…', '导出报表…', '—', '备份…', '恢复…', '—', '退出']);
    expect(report.menuLabels.at(-1)).toEqual(['帮助(&H)', '关于考评工作台', '—', '打开数据文件夹', '查看日志']);
    expect(report.sent).toEqual([[`${IPC_PREFIX}event:app.menu`, { command: 'import' }]]);
  });
});

describe('the built preload (out/preload/index.cjs)', () => {
  it('is one CommonJS file that requires only electron and exposes { invoke, on }', () => {
    const code = fs.readFileSync(path.join(outDir, 'preload', 'index.cjs'), 'utf8');
    const required: string[] = [];
    const exposed = new Map<string, unknown>();
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
      ipcRenderer: { invoke: async () => undefined, on: () => undefined, removeListener: () => undefined },
    };
    // A sandboxed preload gets a limited require: anything but electron here would fail there.
    const sandboxRequire = (id: string): unknown => {
      required.push(id);
      if (id === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require ${id}`);
    };
    const module = { exports: {} };
    new Function('require', 'module', 'exports', code)(sandboxRequire, module, module.exports);
    expect(required).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['kaoping']);
    expect(Object.keys(exposed.get('kaoping') as object).sort()).toEqual(['invoke', 'on']);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });
});
