import { existsSync } from 'node:fs';
import type { BenchContext } from '../benchContext';
import { runsText } from '../benchContext';
import { fmt, type FigureRow, type SectionResult, type TargetCheck } from '../resultTables';
import { EXPORT_MODULE } from '../workloads/reportExportTask';
import { scaleLabel } from './evaluationSection';

const SECTION = '5 report export';
const CITY_TARGET_SECONDS = 5;

/** exportMonthReport for the district and the city month (evaluated first when they are not). */
export async function reportSection(ctx: BenchContext): Promise<SectionResult> {
  const scales = [
    { name: 'district', spec: ctx.config.districtDemo },
    { name: 'city', spec: ctx.config.cityDemo },
  ];
  if (!existsSync(EXPORT_MODULE)) {
    return {
      figures: scales.map(({ name, spec }) => ({
        section: SECTION,
        item: `${scaleLabel(name, spec)}: exportMonthReport`,
        runs: '0',
        figure: 'not available yet',
        cpuSeconds: null,
        peakRssMb: null,
        vsBaseline: '',
        numbers: { available: false },
      })),
      targets: [{ target: `city report < ${CITY_TARGET_SECONDS} s`, measured: 'not available yet', met: null }],
      notes: [`report export: ${EXPORT_MODULE} does not exist yet.`],
      passed: true,
    };
  }
  const figures: FigureRow[] = [];
  const targets: TargetCheck[] = [];
  let passed = true;
  for (const { name, spec } of scales) {
    const db = await ctx.datasets.store(await ctx.datasets.demo(spec), 'all');
    const label = scaleLabel(name, spec);
    ctx.log(`${SECTION}: ${label}`);
    const out = ctx.datasets.work(`report-${name}.xlsx`);
    const m = await ctx.measure('report-export', { db, month: ctx.config.month, out }, `report ${name}`);
    passed &&= m.failed === null;
    const seconds = m.median('seconds');
    figures.push({
      section: SECTION,
      item: `${label}: exportMonthReport`,
      runs: runsText(m, ctx.config.runs),
      figure: m.failed ? `failed: ${m.failed.reason.split('\n').slice(-1)[0] ?? ''}` : `${fmt.seconds(seconds)} · ${fmt.count((m.median('bytes') ?? 0) / 1024)} KB`,
      cpuSeconds: m.median('cpuSeconds'),
      peakRssMb: m.median('peakRssMb'),
      vsBaseline: '',
      numbers: { seconds, bytes: m.median('bytes') },
    });
    if (name === 'city') {
      targets.push({
        target: `city report < ${CITY_TARGET_SECONDS} s`,
        measured: `${fmt.seconds(seconds)} (CPU ${fmt.seconds(m.median('cpuSeconds'))})`,
        met: seconds === null ? null : seconds < CITY_TARGET_SECONDS,
      });
    }
  }
  return { figures, targets, notes: [], passed };
}
