import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { evaluateStoredMonth } from '../../../../../src/backend/services/evaluation/evaluateStoredMonth';
import { runReport } from '../../../../../src/cli/commands/runReport';
import { UsageError } from '../../../../../src/cli/usageError';
import { runCli } from '../../../../helpers/runCli';
import { tempDir } from '../../../../helpers/tempDir';
import { readWorkbook } from '../../../../helpers/readWorkbook';
import { buildReportDistrict, MONTH, type ReportDistrict } from '../../../../helpers/reportDistrict';

const dir = tempDir('kaoping-report-cli-');
let district: ReportDistrict;

beforeAll(async () => {
  district = await buildReportDistrict(dir);
  await evaluateStoredMonth(district.store, MONTH, { now: new Date('2026-11-03T01:00:00Z') });
  await district.store.close();
}, 60_000);

/** Runs the command in this process (a spawned tsx costs seconds), capturing what it prints on stderr. */
async function runInProcess(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: await runReport(args), stderr };
  } finally {
    spy.mockRestore();
  }
}

describe('kaoping report', () => {
  it('writes the workbook and exits 0, as run from the shell', async () => {
    const out = path.join(dir, '十月考评.xlsx');
    const run = await runCli(['report', '--db', district.dbPath, '--month', MONTH, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(out);
    expect((await readWorkbook(out)).worksheets.map((w) => w.name)[0]).toBe('汇总');
  }, 120_000);

  it('exits 1 asking to evaluate first, and writes nothing, when the month is not evaluated', async () => {
    const september = path.join(dir, '九月.xlsx');
    const run = await runInProcess(['--db', district.dbPath, '--month', '2026-09', '--out', september]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('请先考评');
    expect(fs.existsSync(september)).toBe(false);
  });

  it('exits 1 naming a missing folder, leaving nothing behind', async () => {
    const missing = path.join(dir, 'nowhere', 'r.xlsx');
    const run = await runInProcess(['--db', district.dbPath, '--month', MONTH, '--out', missing]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('不存在');
    expect(fs.existsSync(path.dirname(missing))).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses incomplete or malformed options as usage errors (exit 2)', async () => {
    for (const args of [
      ['--db', district.dbPath, '--month', MONTH],
      ['--db', district.dbPath, '--month', '2026-13', '--out', path.join(dir, 'x.xlsx')],
      ['--db', district.dbPath, '--month', MONTH, '--out', path.join(dir, 'x.pdf')],
      ['--db', district.dbPath, '--month', MONTH, '--out', path.join(dir, 'x.xlsx'), '--colour'],
    ]) {
      await expect(runReport(args), args.join(' ')).rejects.toBeInstanceOf(UsageError);
    }
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  });
});
