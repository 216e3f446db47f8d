import { createRequire } from 'node:module';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ChartSpec } from '../../../core/report/reportModel';

/**
 * One worker's whole program: ECharts' server-side SVG of each chart it is sent, through one
 * ECharts instance as createSvgWriter (chartRenderer.ts) does on the calling thread. CommonJS
 * source run with `eval`, requiring ECharts by an absolute path, for the reason outlineWorker.ts
 * gives: no worker entry file for a bundler to emit.
 */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const echarts = require(workerData.echarts);
let chart = null;
let size = { width: 0, height: 0 };
parentPort.on('message', ({ id, spec }) => {
  try {
    if (!chart) chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: spec.width, height: spec.height });
    else if (size.width !== spec.width || size.height !== spec.height) chart.resize({ width: spec.width, height: spec.height });
    size = { width: spec.width, height: spec.height };
    chart.setOption(spec.option, { notMerge: true });
    parentPort.postMessage({ id, svg: chart.renderToSVGString() });
  } catch (err) {
    parentPort.postMessage({ id, error: String(err && err.message ? err.message : err) });
  }
});
`;

export interface SvgWorkerPool {
  /** ECharts' SVG of `spec`, drawn on the least busy worker. */
  write(spec: ChartSpec): Promise<string>;
  close(): Promise<void>;
}

interface Reply {
  id: number;
  svg?: string;
  error?: string;
}

/**
 * Worker threads that turn chart options into SVG with ECharts, so that the charts of a report
 * are laid out on several cores while the calling thread goes on (outlining, rasterising and the
 * workbook's sheets). One worker fewer than the machine has cores (the calling thread keeps one),
 * at least one, at most `max`. Null when no worker can be started (the caller then draws the SVGs
 * itself).
 */
export function startSvgWorkerPool(max = 4): SvgWorkerPool | null {
  const size = Math.max(1, Math.min(max, os.availableParallelism() - 1));
  let echartsPath: string;
  const workers: { worker: Worker; busy: number }[] = [];
  try {
    echartsPath = createRequire(import.meta.url).resolve('echarts');
    for (let i = 0; i < size; i++) workers.push({ worker: new Worker(SOURCE, { eval: true, workerData: { echarts: echartsPath } }), busy: 0 });
  } catch {
    for (const w of workers) void w.worker.terminate();
    return null;
  }
  const waiting = new Map<number, { resolve: (svg: string) => void; reject: (err: Error) => void }>();
  let nextId = 0;
  let failure: Error | null = null;
  const failAll = (err: Error) => {
    failure ??= err;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  for (const slot of workers) {
    // An idle pool must never keep the process alive; a worker owing an answer is referenced.
    slot.worker.unref();
    slot.worker.on('message', (reply: Reply) => {
      const w = waiting.get(reply.id);
      if (!w) return;
      waiting.delete(reply.id);
      if (--slot.busy === 0) slot.worker.unref();
      if (reply.svg !== undefined) w.resolve(reply.svg);
      else w.reject(new Error(`chart worker: ${reply.error ?? 'no output'}`));
    });
    slot.worker.on('error', (err) => failAll(err));
    slot.worker.on('exit', (code) => failAll(new Error(`chart worker exited (${code})`)));
  }
  return {
    write(spec) {
      if (failure) return Promise.reject(failure);
      const slot = workers.reduce((least, w) => (w.busy < least.busy ? w : least));
      const id = nextId++;
      if (slot.busy++ === 0) slot.worker.ref();
      return new Promise<string>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        slot.worker.postMessage({ id, spec });
      });
    },
    async close() {
      failure ??= new Error('chart workers closed');
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}
