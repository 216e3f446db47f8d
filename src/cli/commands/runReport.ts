import { exportMonthReport } from '../../backend/services/report/exportMonthReport';
import { ReportExportError } from '../../backend/services/report/reportExportError';
import { monthOption, parseCommandArgs } from '../parseCommandArgs';
import { UsageError } from '../usageError';
import { withStore } from './withStore';
import { districtOption } from './districtOption';

/** kaoping report --month YYYY-MM --out FILE.xlsx [--db FILE] */
export async function runReport(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    db: { type: 'string' },
    month: { type: 'string' },
    out: { type: 'string' },
    district: { type: 'string' },
  });
  const month = monthOption(values.month, 'month');
  if (!month || !values.out) throw new UsageError('report 需要 --month YYYY-MM --out FILE.xlsx');
  if (!/\.xlsx$/i.test(values.out)) throw new UsageError(`--out 需要 .xlsx 文件名，收到「${values.out}」`);
  const out = values.out;
  return withStore(values.db, async (store) => {
    try {
      const written = await exportMonthReport(store, month, out, { now: new Date(), districtId: await districtOption(store, values.district) });
      process.stdout.write(`考评报表已写入 ${written.path}（${written.sheets} 个工作表，${Math.ceil(written.bytes / 1024)} KB）\n`);
      return 0;
    } catch (err) {
      if (!(err instanceof ReportExportError)) throw err;
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
  });
}
