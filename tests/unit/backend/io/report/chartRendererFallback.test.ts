import { describe, expect, it, vi } from 'vitest';

// A platform that refuses threads: the renderer must still draw, outlining on the calling thread.
vi.mock('node:worker_threads', () => ({
  Worker: class {
    constructor() {
      throw new Error('threads refused');
    }
  },
}));

describe('chart renderer without worker threads', () => {
  it('outlines the labels in-process and draws every chart', async () => {
    const { createChartRenderer } = await import('../../../../../src/backend/io/report/chartRenderer');
    const { startOutlineWorker } = await import('../../../../../src/backend/io/report/outlineWorker');
    const { gradeDistributionOption } = await import('../../../../../src/core/report/charts/gradeDistributionOption');
    expect(startOutlineWorker()).toBeNull();
    const grades = ['优秀', '良好', '合格'];
    const spec = gradeDistributionOption(grades.map((grade, i) => ({ grade, count: i + 2 })), grades);
    const [png] = (await createChartRenderer().renderMany?.([spec], 2)) ?? [];
    expect(png?.readUInt32BE(16)).toBe(spec.width * 2);
    expect(png?.equals(await createChartRenderer({ outlineWorker: false }).render(spec))).toBe(true);
  });
});
