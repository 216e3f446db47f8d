import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateStoredMonth } from '../../../../../src/backend/services/evaluation/evaluateStoredMonth';
import { exportMonthReport } from '../../../../../src/backend/services/report/exportMonthReport';
import { tempDir } from '../../../../helpers/tempDir';
import { readWorkbook } from '../../../../helpers/readWorkbook';
import { buildReportDistrict, MONTH, type ReportDistrict } from '../../../../helpers/reportDistrict';

const dir = tempDir('kaoping-scorecards-');
let district: ReportDistrict;

beforeAll(async () => {
  district = await buildReportDistrict(dir);
  await evaluateStoredMonth(district.store, MONTH, { now: new Date('2026-11-03T01:00:00Z') });
}, 120_000);
afterAll(async () => {
  await district?.store.close();
});

describe('scorecards of selected managers', () => {
  it('writes one print-ready sheet per chosen manager and nothing else', async () => {
    const out = path.join(dir, 'scorecards.xlsx');
    const written = await exportMonthReport(district.store, MONTH, out, { now: new Date('2026-11-05T02:00:00Z'), onlyManagers: ['LH002', 'LH001', 'NOPE'] });
    expect(written.sheets).toBe(2);
    const workbook = await readWorkbook(out);
    expect(workbook.worksheets.map((s) => s.name).every((name) => /LH00[12]/.test(name))).toBe(true);
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1, printTitlesRow: '1:2' });
      expect(sheet.pageSetup.printArea).toMatch(/^A1:[A-Z]+\d+$/);
    }
  });

  it('refuses a choice with no manager of the month', async () => {
    await expect(exportMonthReport(district.store, MONTH, path.join(dir, 'none.xlsx'), { now: new Date(), onlyManagers: ['NOPE'] })).rejects.toThrow('没有所选的客户经理');
  });
});
