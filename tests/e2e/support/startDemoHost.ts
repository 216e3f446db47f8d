import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import './provided';
import { startHost, type RunningHost } from './startHost';

const run = promisify(execFile);

export interface DemoHostOptions {
  /** CLI argument arrays run on the copied database before the host starts, e.g. [['evaluate', '--month', '2026-10']]. */
  prepare?: string[][];
}

/** The host on a private copy of the demo district imported once for the run (globalSetup). */
export async function startDemoHost(name: string, opts: DemoHostOptions = {}): Promise<RunningHost> {
  const dir = path.join(inject('runDir'), name);
  fs.mkdirSync(dir, { recursive: true });
  const dbPath = path.join(dir, `${name}.sqlite`);
  fs.copyFileSync(inject('demoDbPath'), dbPath);
  for (const args of opts.prepare ?? []) {
    await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args, '--db', dbPath], { cwd: process.cwd() });
  }
  return startHost(dir, name);
}
