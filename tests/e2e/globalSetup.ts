import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/chromiumOptions';
import './support/provided';

const run = promisify(execFile);

/** Once per run: the demo district's files and one Chromium shared by every test file. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaoping-e2e-'));
  const demoDir = path.join(runDir, 'demo');
  // Two months (the shortest demo) keep the order file small; every kind of file is still there.
  const [server] = await Promise.all([
    chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true }),
    run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'demo', '--out', demoDir, '--months', '2'], { cwd: process.cwd() }),
  ]);
  const demoDbPath = path.join(runDir, 'demo.sqlite');
  const demoFiles = fs.readdirSync(demoDir).filter((f) => /\.(xlsx|csv)$/.test(f)).map((f) => path.join(demoDir, f));
  await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'import', '--db', demoDbPath, ...demoFiles], { cwd: process.cwd() });
  project.provide('demoDir', demoDir);
  project.provide('demoDbPath', demoDbPath);
  project.provide('browserWsEndpoint', (server as BrowserServer).wsEndpoint());
  project.provide('runDir', runDir);
  return async () => {
    await server.close();
    fs.rmSync(runDir, { recursive: true, force: true });
  };
}
