import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { ResvgRenderOptions } from '@resvg/resvg-js';

type Font = NonNullable<ResvgRenderOptions['font']>;

/**
 * The worker's whole program: usvg's text-to-path output (`new Resvg(svg).toString()`) for each
 * SVG it is sent. It is CommonJS source run with `eval` and requires resvg by an absolute path, so
 * there is no worker entry file for a bundler (electron-vite) to emit or for tsx/vitest to
 * transform: the same code runs under plain Node, the tests and the desktop build.
 */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { Resvg } = require(workerData.resvg);
parentPort.on('message', ({ id, svgs, font }) => {
  try {
    parentPort.postMessage({ id, outputs: svgs.map((svg) => new Resvg(svg, { font }).toString()) });
  } catch (err) {
    parentPort.postMessage({ id, error: String(err && err.message ? err.message : err) });
  }
});
`;

export interface OutlineWorker {
  /** usvg's output for each SVG, in order (text already turned into paths with `font`). */
  outline(svgs: readonly string[], font: Font): Promise<string[]>;
  close(): Promise<void>;
}

interface Reply {
  id: number;
  outputs?: string[];
  error?: string;
}

/**
 * A worker thread that outlines chart labels with resvg. Outlining is slow, synchronous native
 * work (resvg 2.6 rereads the whole CJK font file for every glyph), so doing it here keeps it off
 * the thread that builds the ECharts SVGs. Null when no worker can be started (resvg cannot be
 * resolved from here, or the platform refuses threads): the caller then outlines in-process.
 */
export function startOutlineWorker(): OutlineWorker | null {
  let worker: Worker;
  try {
    const resvg = createRequire(import.meta.url).resolve('@resvg/resvg-js');
    worker = new Worker(SOURCE, { eval: true, workerData: { resvg } });
  } catch {
    return null;
  }
  // An idle outliner must never keep the process alive (the CLI exits when its work is done).
  worker.unref();
  const waiting = new Map<number, { resolve: (outputs: string[]) => void; reject: (err: Error) => void }>();
  let nextId = 0;
  let failure: Error | null = null;
  const failAll = (err: Error) => {
    failure ??= err;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  worker.on('message', (reply: Reply) => {
    const w = waiting.get(reply.id);
    if (!w) return;
    waiting.delete(reply.id);
    if (waiting.size === 0) worker.unref();
    if (reply.outputs) w.resolve(reply.outputs);
    else w.reject(new Error(`outline worker: ${reply.error ?? 'no output'}`));
  });
  worker.on('error', (err) => failAll(err));
  worker.on('exit', (code) => failAll(new Error(`outline worker exited (${code})`)));

  return {
    outline(svgs, font) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      // Referenced while it owes an answer, so that the awaiting caller is not left hanging.
      worker.ref();
      return new Promise<string[]>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, svgs, font });
      });
    },
    async close() {
      failure ??= new Error('outline worker closed');
      await worker.terminate();
    },
  };
}
