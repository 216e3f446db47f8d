import { describe, expect, it } from 'vitest';
import { createChartRenderer } from '../../../../../src/backend/io/report/chartRenderer';
import { startOutlineWorker } from '../../../../../src/backend/io/report/outlineWorker';
import { startSvgWorkerPool } from '../../../../../src/backend/io/report/svgWorkerPool';
import { dimensionRadarOption } from '../../../../../src/core/report/charts/dimensionRadarOption';
import { gradeDistributionOption } from '../../../../../src/core/report/charts/gradeDistributionOption';
import { rankingBarOption } from '../../../../../src/core/report/charts/rankingBarOption';
import type { ChartSpec } from '../../../../../src/core/report/reportModel';

const GRADES = ['优秀', '良好', '合格', '不合格'];
const LABELS = ['工作量', '销售', '结构', '客户', '日志', '专卖', '协议', '培训'];

function specs(): ChartSpec[] {
  const radars = [0, 1, 2].map((m) =>
    dimensionRadarOption(LABELS.map((label, i) => ({ label, manager: i === m ? null : 50 + i * 5 + m, district: 70 }))),
  );
  const ranked = ['方平', '朱淑珍', '欧阳明'].map((name, i) => ({ rank: i + 1, name, total: 90 - i * 7, grade: GRADES[i] ?? '合格', vetoed: i === 2 }));
  const counts = GRADES.map((grade, i) => ({ grade, count: i + 1 }));
  return [...radars, rankingBarOption(ranked, GRADES), gradeDistributionOption(counts, GRADES)];
}

function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('chart renderer', () => {
  it('draws the same PNG bytes whether the labels are outlined on the worker thread or in-process', async () => {
    const all = specs();
    const onWorker = await createChartRenderer().renderMany?.(all, 2);
    const inProcess = await createChartRenderer({ outlineWorker: false }).renderMany?.(all, 2);
    expect(onWorker).toHaveLength(all.length);
    expect(inProcess).toHaveLength(all.length);
    all.forEach((spec, i) => {
      const png = onWorker?.[i];
      if (!png) throw new Error(`chart ${i} missing`);
      expect(pngSize(png)).toEqual({ width: spec.width * 2, height: spec.height * 2 });
      expect(png.equals(inProcess?.[i] ?? Buffer.alloc(0))).toBe(true);
    });
  });

  it('draws the same PNG one chart at a time as in a batch, and reports each chart drawn', async () => {
    const all = specs();
    const done: number[] = [];
    const batch = await createChartRenderer().renderMany?.(all, 1, (n) => done.push(n));
    const single = await createChartRenderer().render(all[3] as ChartSpec);
    expect(single.equals(batch?.[3] ?? Buffer.alloc(0))).toBe(true);
    expect(done).toEqual([1, 2, 3, 4, 5]);
  });

  it('outlines text to paths on the worker and refuses work once closed', async () => {
    const worker = startOutlineWorker();
    if (!worker) throw new Error('no outline worker');
    const [out] = await worker.outline(['<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><text y="10">Ab</text></svg>'], { loadSystemFonts: true });
    expect(out).toContain('<path');
    expect(out).not.toContain('<text');
    await worker.close();
    await expect(worker.outline(['<svg xmlns="http://www.w3.org/2000/svg"/>'], { loadSystemFonts: true })).rejects.toThrow();
  });

  it('draws the same PNG bytes whether ECharts lays the charts out on worker threads or on this thread', async () => {
    const all = specs();
    const pooled = await createChartRenderer().renderMany?.(all, 2);
    const here = await createChartRenderer({ svgWorkers: false, outlineWorker: false }).renderMany?.(all, 2);
    expect(pooled).toHaveLength(all.length);
    all.forEach((_, i) => expect(pooled?.[i]?.equals(here?.[i] ?? Buffer.alloc(0))).toBe(true));
  });

  it('writes ECharts SVGs on the pool and refuses work once closed', async () => {
    const pool = startSvgWorkerPool();
    if (!pool) throw new Error('no chart workers');
    const all = specs();
    const svgs = await Promise.all(all.map((spec) => pool.write(spec)));
    svgs.forEach((svg, i) => expect(svg).toMatch(new RegExp(`^<svg width="${all[i]?.width}" height="${all[i]?.height}"`)));
    await pool.close();
    await expect(pool.write(all[0] as ChartSpec)).rejects.toThrow();
  });
});
