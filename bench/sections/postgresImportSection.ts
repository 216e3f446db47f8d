import type { PostgresCluster } from '../../tests/helpers/postgresCluster';
import type { BenchContext } from '../benchContext';
import { runsText } from '../benchContext';
import { postgresBinaries, throwawayCluster } from '../postgresServer';
import { fmt, type SectionResult } from '../resultTables';

const SECTION = '8 PostgreSQL import';

/** What an import may hold at its peak (the process's RSS), whatever the file's size. */
const IMPORT_RSS_LIMIT_MB = 300;
/** What the COPY path aims at: this share of psql's \copy rate. */
const TARGET_RATIO = 0.4;

/** The server to bench on: KAOPING_BENCH_PG, else a throwaway cluster (tests/helpers/postgresCluster), else none and why. */
async function server(): Promise<{ url: string; psql: string; cluster: PostgresCluster | null } | { missing: string }> {
  const binaries = postgresBinaries();
  const given = process.env.KAOPING_BENCH_PG;
  if (given) return { url: given, psql: 'psql' in binaries ? binaries.psql : '/usr/bin/psql', cluster: null };
  if ('missing' in binaries) return binaries;
  const cluster = await throwawayCluster(binaries.binDir);
  return 'missing' in cluster ? cluster : { url: cluster.url, psql: binaries.psql, cluster };
}

/**
 * Kaoping's import of GB18030 order rows into PostgreSQL (COPY into a staging table, then one
 * insert … on conflict per flush) against psql's `\copy` of the same rows as UTF-8 into a plain
 * table: the floor. Skipped, saying why, where no PostgreSQL can be started.
 */
export async function postgresImportSection(ctx: BenchContext): Promise<SectionResult> {
  const rowsWanted = ctx.config.pgImportRows;
  const found = await server();
  if ('missing' in found) {
    ctx.log(`${SECTION}: skipped (${found.missing})`);
    return { figures: [], targets: [], notes: [`${SECTION} skipped: ${found.missing}`], passed: true };
  }
  try {
    const demo = await ctx.datasets.demo(ctx.config.districtDemo);
    const template = await ctx.datasets.store(demo, 'master');
    const cut = await ctx.datasets.csvCut(demo, rowsWanted);
    const label = `orders ${fmt.count(rowsWanted)} rows`;
    ctx.log(`${SECTION}: ${label}`);
    const imported = await ctx.measure('pg-import-file', { serverUrl: found.url, template, file: cut.gb18030 }, `pg ${label} import`);
    const floor = await ctx.measure('psql-copy', { serverUrl: found.url, psql: found.psql, csv: cut.utf8 }, `pg ${label} psql \\copy`);
    const importRate = imported.median('rowsPerSecond');
    const floorRate = floor.median('rowsPerSecond');
    const ratio = importRate !== null && floorRate ? importRate / floorRate : null;
    const failure = (m: typeof imported) => (m.failed ? `failed: ${m.failed.reason.split('\n').slice(-1)[0] ?? ''}` : null);
    return {
      figures: [
        {
          section: SECTION,
          item: `${label} GB18030: Kaoping importFile → PostgreSQL`,
          runs: runsText(imported, ctx.config.runs),
          figure: failure(imported) ?? `${fmt.seconds(imported.median('seconds'))} · ${fmt.rate(importRate)}`,
          cpuSeconds: imported.median('cpuSeconds'),
          peakRssMb: imported.median('peakRssMb'),
          vsBaseline: `${fmt.ratio(ratio)} psql \\copy`,
          numbers: { seconds: imported.median('seconds'), cpuSeconds: imported.median('cpuSeconds'), rowsPerSecond: importRate, rows: imported.first('rows'), ratioToPsqlCopy: ratio },
        },
        {
          section: SECTION,
          item: `${label} UTF-8: psql \\copy into a plain table (floor)`,
          runs: runsText(floor, ctx.config.runs),
          figure: failure(floor) ?? `${fmt.seconds(floor.median('seconds'))} · ${fmt.rate(floorRate)}`,
          cpuSeconds: floor.median('cpuSeconds'),
          peakRssMb: floor.median('peakRssMb'),
          vsBaseline: '1.00× (baseline)',
          numbers: { seconds: floor.median('seconds'), rowsPerSecond: floorRate, rows: floor.first('rows') },
        },
      ],
      targets: [
        {
          target: `import ≥ ${TARGET_RATIO}× psql \\copy`,
          measured: `${fmt.ratio(ratio)} (${fmt.rate(importRate)} vs ${fmt.rate(floorRate)})`,
          met: ratio === null ? null : ratio >= TARGET_RATIO,
        },
        {
          target: `import peak RSS < ${IMPORT_RSS_LIMIT_MB} MB`,
          measured: `${imported.median('peakRssMb')?.toFixed(0) ?? '?'} MB`,
          met: imported.median('peakRssMb') === null ? null : (imported.median('peakRssMb') as number) < IMPORT_RSS_LIMIT_MB,
        },
      ],
      notes: [
        `PostgreSQL: ${found.cluster ? 'a throwaway cluster (fsync off, unix socket)' : 'KAOPING_BENCH_PG'}; both into a fresh database per run; CPU and RSS are the client process's (the server's share is not in them).`,
      ],
      passed: imported.failed === null && floor.failed === null,
    };
  } finally {
    found.cluster?.stop();
  }
}
