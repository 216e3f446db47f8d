import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { runCli } from '../../helpers/runCli';
import './provided';
import { startHost, type RunningHost } from './startHost';

type CommandLines = string[][];

export interface DemoHostOptions {
  /**
   * `kaoping` command lines run on the private copy before the host starts (e.g. evaluate a
   * month), each without `--db` (added); or a function of the copy's path that returns them.
   */
  prepare?: CommandLines | ((dbPath: string) => CommandLines | Promise<CommandLines>);
}

/** The host on a private copy of the demo district imported once for the run (globalSetup). */
export async function startDemoHost(name: string, opts: DemoHostOptions = {}): Promise<RunningHost> {
  const dir = path.join(inject('runDir'), name);
  fs.mkdirSync(dir, { recursive: true });
  const dbPath = path.join(dir, `${name}.sqlite`);
  fs.copyFileSync(inject('demoDbPath'), dbPath);
  const commands = typeof opts.prepare === 'function' ? await opts.prepare(dbPath) : (opts.prepare ?? []);
  for (const args of commands) {
    const run = await runCli([...args, '--db', dbPath]);
    if (run.code !== 0) throw new Error(`kaoping ${args.join(' ')} failed (${run.code}):\n${run.stderr}`);
  }
  return startHost(dir, name);
}
