import { execFile } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { stringParam, type TaskParams, type TaskResult } from '../childProtocol';

const run = promisify(execFile);

/**
 * The orders CSV cut (UTF-8) as a one-sheet BIFF8 .xls, written by LibreOffice's Excel 97
 * filter (what Excel itself writes: shared strings, dates as date-formatted serials). Columns
 * A (订货日期) as dates, B and C (licence, cigarette code) as text, the rest as numbers.
 * Not SheetJS: its BIFF8 writer allocates a 16 KB buffer per record, 8 GB for this sheet.
 */
export async function prepareXlsCut(params: TaskParams): Promise<TaskResult> {
  const source = stringParam(params, 'source');
  const out = stringParam(params, 'out');
  const work = mkdtempSync(path.join(os.tmpdir(), 'kaoping-xls-cut-'));
  try {
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${path.join(work, 'profile')}`,
        '--headless',
        '--convert-to',
        'xls:MS Excel 97',
        // separator ',', quote '"', UTF-8, from line 1, column types: 1 date (YMD), 2–3 text.
        '--infilter=CSV:44,34,76,1,1/5/2/2/3/2,2052',
        '--outdir',
        work,
        source,
      ],
      { timeout: 600_000 },
    );
    renameSync(path.join(work, `${path.basename(source, path.extname(source))}.xls`), out);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { written: out };
}
