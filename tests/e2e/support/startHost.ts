import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface RunningHost {
  /** The page URL with its token, as the host printed it. */
  url: string;
  dbPath: string;
  stop: () => Promise<void>;
}

/**
 * Starts the real host the way a user would (`kaoping serve`), on a fresh database and a free
 * port; its first stdout line is the URL. The host builds the renderer when it is stale.
 */
export async function startHost(dir: string, name: string): Promise<RunningHost> {
  const dbPath = path.join(dir, `${name}.sqlite`);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--db', dbPath, '--port', '0'], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`kaoping serve printed no URL in 180 s\n${stderr}`)), 180_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(line.trim());
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kaoping serve exited with ${code}\n${stderr}`));
    });
  });
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) throw new Error(`unexpected first line from kaoping serve: ${url}`);
  return { url, dbPath, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
