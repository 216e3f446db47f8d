import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLog } from '../../../../electron/main/logFile';
import { tempDir } from '../../../helpers/tempDir';

describe('the log file', () => {
  it('appends timestamped lines, errors with their stack, and keeps under its size', () => {
    const file = path.join(tempDir('kaoping-log-'), 'logs', 'kaoping.log');
    const log = createLog(file, () => new Date(2026, 10, 3, 9, 30, 0));
    log.info('start');
    log.error('import failed', new Error('bad file'));
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toMatch(/^2026-11-03 09:30:00\.000 INFO  start\n/);
    expect(text).toMatch(/ERROR import failed: Error: bad file\n +at /);
    fs.writeFileSync(file, 'x'.repeat(2 * 1024 * 1024 + 1));
    log.info('after');
    expect(fs.readFileSync(file, 'utf8')).toMatch(/INFO  after\n$/);
    expect(fs.statSync(`${file}.1`).size).toBeGreaterThan(2 * 1024 * 1024);
  });

  it('never throws when the log cannot be written', () => {
    const dir = tempDir('kaoping-log-');
    fs.writeFileSync(path.join(dir, 'logs'), 'a file, not a folder');
    expect(() => createLog(path.join(dir, 'logs', 'kaoping.log')).info('x')).not.toThrow();
  });
});
