import { findPostgresBinDir } from '../tests/helpers/postgresCluster';
import type { BenchContext } from './benchContext';

/**
 * The data sets each section reads, for `--prepare` (build the cache, measure nothing). The
 * sections ask the same Datasets methods again when they run and find them cached.
 */
export const PREPARE: Record<string, (ctx: BenchContext) => Promise<void>> = {
  xlsx: async (ctx) => {
    await ctx.datasets.store(await ctx.datasets.demo(ctx.config.xlsxDemo), 'master');
  },
  csv: async (ctx) => {
    const demo = await ctx.datasets.demo(ctx.config.districtDemo);
    await ctx.datasets.store(demo, 'master');
    await ctx.datasets.csvCut(demo, ctx.config.csvRows);
  },
  xls: async (ctx) => {
    const demo = await ctx.datasets.demo(ctx.config.districtDemo);
    await ctx.datasets.store(demo, 'master');
    await ctx.datasets.xlsCut(demo, ctx.config.xlsRows);
    await ctx.datasets.htmlCut(demo, ctx.config.xlsRows);
  },
  eval: async (ctx) => {
    for (const spec of [ctx.config.districtDemo, ctx.config.cityDemo]) await ctx.datasets.store(await ctx.datasets.demo(spec), 'all');
  },
  nearcopy: async () => undefined,
  report: async (ctx) => {
    for (const spec of [ctx.config.districtDemo, ctx.config.cityDemo]) await ctx.datasets.store(await ctx.datasets.demo(spec), 'all');
  },
  grid: async (ctx) => {
    await ctx.datasets.journalTable();
  },
  pgeval: async (ctx) => {
    const bin = findPostgresBinDir();
    const demo = await ctx.datasets.demo(ctx.config.cityDemo);
    const db = await ctx.datasets.store(demo, 'all');
    if (bin !== null) await ctx.datasets.postgresCopy(demo, db, bin);
  },
  pgimport: async (ctx) => {
    const demo = await ctx.datasets.demo(ctx.config.districtDemo);
    await ctx.datasets.store(demo, 'master');
    await ctx.datasets.csvCut(demo, ctx.config.pgImportRows);
  },
};
