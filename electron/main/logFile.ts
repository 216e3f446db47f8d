import fs from 'node:fs';
import path from 'node:path';

export interface Log {
  readonly file: string;
  info(message: string): void;
  error(message: string, err?: unknown): void;
}

const MAX_BYTES = 2 * 1024 * 1024;

function describe(err: unknown): string {
  if (err instanceof Error) return err.stack ?? `${err.name}: ${err.message}`;
  return String(err);
}

/**
 * A plain-text log (帮助 › 查看日志 opens it): one line per entry, local time, kept under 2 MB by
 * moving a full file to `<name>.1`. Logging never throws: a log that cannot be written is skipped.
 */
export function createLog(file: string, now: () => Date = () => new Date()): Log {
  const write = (level: string, message: string) => {
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      if (fs.existsSync(file) && fs.statSync(file).size > MAX_BYTES) fs.renameSync(file, `${file}.1`);
      const d = now();
      const stamp = new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().replace('T', ' ').replace('Z', '');
      fs.appendFileSync(file, `${stamp} ${level} ${message.replace(/\r?\n/g, '\n    ')}\n`);
    } catch {
      // The log is a convenience; the app must not fail because of it.
    }
  };
  return {
    file,
    info: (message) => write('INFO ', message),
    error: (message, err) => write('ERROR', err === undefined ? message : `${message}: ${describe(err)}`),
  };
}
