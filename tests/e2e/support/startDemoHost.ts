import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import './provided';
import { startHost, type RunningHost } from './startHost';

/** The host on a private copy of the demo district imported once for the run (globalSetup). */
export async function startDemoHost(name: string): Promise<RunningHost> {
  const dir = path.join(inject('runDir'), name);
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(inject('demoDbPath'), path.join(dir, `${name}.sqlite`));
  return startHost(dir, name);
}
