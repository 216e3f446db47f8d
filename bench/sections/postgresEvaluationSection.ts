import type { BenchContext } from '../benchContext';
import { runsText } from '../benchContext';
import { BENCH_PG_DATABASE, withDatabase } from '../prepare/preparePostgresStore';
import { postgresBinaries, serverOnCachedData } from '../postgresServer';
import { fmt, type FigureRow, type SectionResult } from '../resultTables';
import { scaleLabel } from './evaluationSection';

const SECTION = '9 evaluate on PostgreSQL';

/**
 * The city month evaluated on PostgreSQL beside SQLite, in the same run: the SQLite store the
 * `eval` section evaluates, and the same rows copied into a PostgreSQL cluster kept in the bench
 * cache (built once: copying 9.5M order lines takes many minutes). The bench starts its own server
 * on that folder (unix socket, fsync off) and stops it. Cold (order month cache emptied first) and
 * warm, as the `eval` section; the ratio is PostgreSQL's time over SQLite's.
 */
export async function postgresEvaluationSection(ctx: BenchContext): Promise<SectionResult> {
  const binaries = postgresBinaries();
  if ('missing' in binaries) {
    ctx.log(`${SECTION}: skipped (${binaries.missing})`);
    return { figures: [], targets: [], notes: [`${SECTION} skipped: ${binaries.missing}`], passed: true };
  }
  const spec = ctx.config.cityDemo;
  const demo = await ctx.datasets.demo(spec);
  const sqlite = await ctx.datasets.store(demo, 'all');
  const dataDir = await ctx.datasets.postgresCopy(demo, sqlite, binaries.binDir);
  const label = scaleLabel('city', spec);
  const server = await serverOnCachedData(binaries.binDir, dataDir);
  try {
    const url = withDatabase(server.url, BENCH_PG_DATABASE);
    ctx.log(`${SECTION}: ${label}`);
    const month = ctx.config.month;
    // Cold first on each store: each run empties the order month cache, the warm runs after find it filled.
    const sqliteCold = await ctx.measure('evaluate', { db: sqlite, month, orderCache: 'cold' }, 'evaluate city SQLite cold');
    const sqliteWarm = await ctx.measure('evaluate', { db: sqlite, month }, 'evaluate city SQLite warm');
    const pgCold = await ctx.measure('evaluate', { db: url, month, orderCache: 'cold' }, 'evaluate city PostgreSQL cold');
    const pgWarm = await ctx.measure('evaluate', { db: url, month }, 'evaluate city PostgreSQL warm');
    const ratio = (pgRun: typeof pgCold, sqliteRun: typeof pgCold) => {
      const a = pgRun.median('seconds');
      const b = sqliteRun.median('seconds');
      return a !== null && b ? a / b : null;
    };
    const row = (m: typeof pgCold, store: string, cache: string, vs: number | null | 'baseline'): FigureRow => ({
      section: SECTION,
      item: `${label}: evaluateStoredMonth on ${store}, order month cache ${cache}`,
      runs: runsText(m, ctx.config.runs),
      figure: m.failed ? `failed: ${m.failed.reason.split('\n').slice(-1)[0] ?? ''}` : fmt.seconds(m.median('seconds')),
      cpuSeconds: m.median('cpuSeconds'),
      peakRssMb: m.median('peakRssMb'),
      vsBaseline: vs === 'baseline' ? '1.00× (baseline)' : `${fmt.ratio(vs)} SQLite's time`,
      numbers: { seconds: m.median('seconds'), cpuSeconds: m.median('cpuSeconds'), managers: m.first('managers'), flags: m.first('flags'), ratioToSqlite: vs === 'baseline' ? 1 : vs },
    });
    const coldRatio = ratio(pgCold, sqliteCold);
    const warmRatio = ratio(pgWarm, sqliteWarm);
    const sameFlags = pgWarm.first('flags') === sqliteWarm.first('flags') && pgWarm.first('managers') === sqliteWarm.first('managers');
    return {
      figures: [row(sqliteCold, 'SQLite', 'cold', 'baseline'), row(pgCold, 'PostgreSQL', 'cold', coldRatio), row(sqliteWarm, 'SQLite', 'warm', 'baseline'), row(pgWarm, 'PostgreSQL', 'warm', warmRatio)],
      targets: [],
      notes: [
        `${SECTION}: PostgreSQL ${fmt.ratio(coldRatio)} SQLite's time cold, ${fmt.ratio(warmRatio)} warm; ${sameFlags ? 'the same managers and flags on both' : 'MANAGERS OR FLAGS DIFFER between the stores'}. Server: the bench's own, on a data folder kept in the cache (${dataDir}), unix socket, fsync off; the client's CPU and RSS only (the server's share is not in them).`,
      ],
      passed: sqliteCold.failed === null && sqliteWarm.failed === null && pgCold.failed === null && pgWarm.failed === null && sameFlags,
    };
  } finally {
    server.stop();
  }
}
