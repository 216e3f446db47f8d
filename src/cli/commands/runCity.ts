import { DIMENSION_KEYS, DIMENSION_LABELS_ZH } from '../../core/measures/dimensions';
import { writeCityWorkbook, flagLabel, statusText } from '../../backend/io/city/writeCityWorkbook';
import { cityMonth, type CityMonth } from '../../backend/services/city/cityMonth';
import { monthOption, parseCommandArgs } from '../parseCommandArgs';
import { UsageError } from '../usageError';
import { withStore } from './withStore';

/** The --json shape: the month, the grade labels and each district's figures, ranked. */
export function cityJson(city: CityMonth) {
  return { month: city.month, grades: city.gradeLabels, districts: city.districts.map((d) => ({ ...d.summary, scheme: d.scheme })) };
}

function table(city: CityMonth): string {
  const head = ['名次', '营销部', '状态', '客户经理', ...city.gradeLabels, '否决', '平均总分', ...DIMENSION_KEYS.map((k) => DIMENSION_LABELS_ZH[k]), '异常'];
  const num = (v: number | null) => (v === null ? '无数据' : v.toFixed(1));
  const lines = city.districts.map(({ summary: s }) =>
    [
      String(s.rank ?? '-'),
      s.district,
      statusText(s),
      String(s.managers),
      ...city.gradeLabels.map((g) => String(s.grades[g] ?? 0)),
      String(s.vetoes),
      num(s.averageTotal),
      ...DIMENSION_KEYS.map((k) => num(s.dimensions[k])),
      String(s.flagTotal),
    ].join('\t'),
  );
  const flagTypes = [...new Set(city.districts.flatMap((d) => Object.keys(d.summary.flags)))].sort();
  const flags = flagTypes.map((t) => `  ${flagLabel(t)}：${city.districts.map((d) => `${d.summary.district} ${d.summary.flags[t] ?? 0}`).join('，')}`);
  return [`${city.month} 市公司汇总（营销部 ${city.districts.length} 个）`, head.join('\t'), ...lines, ...(flags.length > 0 ? ['异常按类型：', ...flags] : [])].join('\n');
}

/** kaoping city --month YYYY-MM [--json] [--out 市公司汇总.xlsx] [--db …]: reads the districts' stored months, writes nothing to the store. */
export async function runCity(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, { db: { type: 'string' }, month: { type: 'string' }, json: { type: 'boolean' }, out: { type: 'string' } });
  const month = monthOption(values.month, 'month');
  if (!month) throw new UsageError('city 需要 --month YYYY-MM');
  if (values.out !== undefined && !/\.xlsx$/i.test(values.out)) throw new UsageError(`--out 需要 .xlsx 文件名，收到「${values.out}」`);
  return withStore(values.db, async (store) => {
    const city = await cityMonth(store, month);
    if (city.districts.length === 0) {
      process.stderr.write('本库还没有任何营销部：请先导入数据\n');
      return 1;
    }
    process.stdout.write((values.json ? JSON.stringify(cityJson(city), null, 2) : table(city)) + '\n');
    if (values.out !== undefined) {
      const written = await writeCityWorkbook(city, values.out, { now: new Date() });
      (values.json ? process.stderr : process.stdout).write(`市公司汇总已写入 ${written.path}（${written.sheets} 个工作表，${Math.ceil(written.bytes / 1024)} KB）\n`);
    }
    return 0;
  });
}
