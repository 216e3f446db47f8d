import type { BenchContext } from '../benchContext';
import { runsText } from '../benchContext';
import type { DemoSpec } from '../benchConfig';
import { fmt, type FigureRow, type SectionResult, type TargetCheck } from '../resultTables';

const SECTION = '3 evaluate month';

export function scaleLabel(name: string, spec: DemoSpec): string {
  return `${name} (${spec.managers} mgr, ${fmt.count(spec.retailers)} ret, ${spec.months} mo)`;
}

/**
 * evaluateStoredMonth on a district and a city month, both built by the demo generator and
 * imported with importFiles; in separate processes, the load and compute halves timed apart.
 */
export async function evaluationSection(ctx: BenchContext): Promise<SectionResult> {
  const figures: FigureRow[] = [];
  const targets: TargetCheck[] = [];
  const notes: string[] = [];
  let passed = true;
  for (const { name, spec, targetSeconds } of [
    { name: 'district', spec: ctx.config.districtDemo, targetSeconds: 1 },
    { name: 'city', spec: ctx.config.cityDemo, targetSeconds: 5 },
  ]) {
    const demo = await ctx.datasets.demo(spec);
    const db = await ctx.datasets.store(demo, 'all');
    const label = scaleLabel(name, spec);
    ctx.log(`${SECTION}: ${label}`);
    // Cold first: each run empties the order month cache and fills it again, so the warm runs
    // after it find it filled, as every evaluation after the first does.
    const cold = await ctx.measure('evaluate', { db, month: ctx.config.month, orderCache: 'cold' }, `evaluate ${name} cold order cache`);
    const total = await ctx.measure('evaluate', { db, month: ctx.config.month }, `evaluate ${name}`);
    const split = await ctx.measure('evaluate-split', { db, month: ctx.config.month }, `evaluate ${name} split`);
    passed &&= cold.failed === null && total.failed === null && split.failed === null;
    const seconds = total.median('seconds');
    const load = split.median('loadSeconds');
    const compute = split.median('computeSeconds');
    const stored = split.median('storeSeconds');
    const splitTotal = load !== null && compute !== null && stored !== null ? load + compute + stored : null;
    // Shares of the replayed steps' own sum: the replay runs in another process than the real call.
    const share = (part: number | null) => (part !== null && splitTotal ? `${((100 * part) / splitTotal).toFixed(0)}% of the replay` : '');
    const orderRows = demo.manifest.files.filter((f) => f.kind === 'orders').reduce((n, f) => n + f.rows, 0);
    figures.push(
      {
        section: SECTION,
        item: `${label}: evaluateStoredMonth`,
        runs: runsText(total, ctx.config.runs),
        figure: total.failed ? `failed: ${total.failed.reason.split('\n').slice(-1)[0] ?? ''}` : fmt.seconds(seconds),
        cpuSeconds: total.median('cpuSeconds'),
        peakRssMb: total.median('peakRssMb'),
        vsBaseline: '',
        numbers: { seconds, managers: total.first('managers'), flags: total.first('flags'), orderRowsInDatabase: orderRows },
      },
      {
        section: SECTION,
        item: `${label}: evaluateStoredMonth, order month cache cold (first evaluation after importing the orders)`,
        runs: runsText(cold, ctx.config.runs),
        figure: cold.failed ? `failed: ${cold.failed.reason.split('\n').slice(-1)[0] ?? ''}` : fmt.seconds(cold.median('seconds')),
        cpuSeconds: cold.median('cpuSeconds'),
        peakRssMb: cold.median('peakRssMb'),
        vsBaseline: '',
        numbers: { seconds: cold.median('seconds'), managers: cold.first('managers') },
      },
      {
        section: SECTION,
        item: `${label}: · replay: load (workdays + loadEvaluationInput)`,
        runs: runsText(split, ctx.config.runs),
        figure: fmt.seconds(load),
        cpuSeconds: split.median('cpuSeconds'),
        peakRssMb: split.median('peakRssMb'),
        vsBaseline: share(load),
        numbers: {
          loadSeconds: load,
          retailerOrders: split.first('retailerOrders'),
          punches: split.first('punches'),
          journals: split.first('journals'),
          retailers: split.first('retailers'),
        },
      },
      {
        section: SECTION,
        item: `${label}: · replay: compute (evaluateMonth)`,
        runs: runsText(split, ctx.config.runs),
        figure: fmt.seconds(compute),
        cpuSeconds: null,
        peakRssMb: null,
        vsBaseline: share(compute),
        numbers: { computeSeconds: compute },
      },
      {
        section: SECTION,
        item: `${label}: · replay: store (write snapshot + read back)`,
        runs: runsText(split, ctx.config.runs),
        figure: fmt.seconds(stored),
        cpuSeconds: null,
        peakRssMb: null,
        vsBaseline: share(stored),
        numbers: { storeSeconds: stored },
      },
    );
    targets.push({
      target: `${name} month < ${targetSeconds} s`,
      measured: `${fmt.seconds(seconds)} (CPU ${fmt.seconds(total.median('cpuSeconds'))}); cold order cache ${fmt.seconds(cold.median('seconds'))}`,
      met: seconds === null ? null : seconds < targetSeconds,
    });
    notes.push(
      `${name}: database built by the demo generator (${fmt.count(orderRows)} order lines) and importFiles of all its files${
        orderRows > 2_000_000 ? ' (orders split into one CSV per month: one file may hold at most 2,000,000 rows)' : ''
      }: ${db}`,
    );
  }
  return { figures, targets, notes, passed };
}
