import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { runCli } from '../../helpers/runCli';
import './provided';
import { startHost, type RunningHost } from './startHost';

export interface DemoHostOptions {
  /**
   * Run before the host starts, on the private copy (e.g. evaluate a month). Returns `kaoping`
   * command lines to run against the copy; `--db` is added to each.
   */
  prepare?: (dbPath: string) => string[][] | Promise<string[][]>;
}

/** The host on a private copy of the demo district imported once for the run (globalSetup). */
export async function startDemoHost(name: string, opts: DemoHostOptions = {}): Promise<RunningHost> {
  const dir = path.join(inject('runDir'), name);
  fs.mkdirSync(dir, { recursive: true });
  const dbPath = path.join(dir, `${name}.sqlite`);
  fs.copyFileSync(inject('demoDbPath'), dbPath);
  for (const args of (await opts.prepare?.(dbPath)) ?? []) {
    const run = await runCli([...args, '--db', dbPath]);
    if (run.code !== 0) throw new Error(`kaoping ${args.join(' ')} failed (${run.code}):\n${run.stderr}`);
  }
  return startHost(dir, name);
}
