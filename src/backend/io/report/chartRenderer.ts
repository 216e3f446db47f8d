import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { ChartSpec } from '../../../core/report/reportModel';
import { findCjkFont } from './cjkFont';
import { encodePng } from './encodePng';
import { openFontSubsetter, type FontSubsetter } from './fontSubsetter';
import { startOutlineWorker, type OutlineWorker } from './outlineWorker';
import { startSvgWorkerPool } from './svgWorkerPool';

/** Pixels per chart pixel in the PNG, so that printed charts stay sharp. */
const ZOOM = 2;
/** zlib level of the chart PNGs: level 3 is about as fast as level 1 and smaller. */
const PNG_LEVEL = 3;
const TEXT_ELEMENT = /<text\b[^>]*>[\s\S]*?<\/text>/g;
const TRANSFORM_ATTR = /\stransform="([^"]*)"/;

export interface ChartRenderer {
  render(spec: ChartSpec): Promise<Buffer>;
  /** Every chart of a report, `concurrency` of them rasterising at a time. */
  renderMany?(specs: readonly ChartSpec[], concurrency: number, onRendered?: (done: number) => void): Promise<Buffer[]>;
}

export interface ChartRendererOptions {
  /** Outline the labels of renderMany on a worker thread (default true; false: all on this thread). */
  outlineWorker?: boolean;
  /** Draw the SVGs of renderMany with ECharts on worker threads (default true; false: on this thread). */
  svgWorkers?: boolean;
}

/**
 * Labels outlined per resvg call: a bounded SVG string, and a chart with many labels (the
 * ranking's names and values) is outlined in parts, between which the batches of charts waiting
 * for fewer labels (the radars) go ahead.
 */
const LABELS_PER_BATCH = 25;
const LABEL_ID = 'kaoping-label-';

/**
 * Draws ECharts options as PNG: ECharts' server-side SVG, then resvg. Laying out text with a
 * large CJK font costs resvg dearly: resvg 2.6 reads the whole font file (about 20 MB) again for
 * every glyph it shapes or outlines, while the same labels recur in every manager's chart. So each
 * distinct label is turned into outline paths once, through resvg itself, and reused; the final
 * raster then needs no fonts at all. Each outlining call reads a subset of the font holding only
 * its labels' characters (fontSubsetter.ts, a few dozen KB to reread instead of 20 MB), with the
 * same outlines. The labels are outlined many per resvg call (each in a group
 * of its own id, split apart again from usvg's output), and in renderMany on a worker thread
 * (outlineWorker.ts), while this thread goes on building the next charts' SVGs.
 */
export function createChartRenderer(opts: ChartRendererOptions = {}): ChartRenderer {
  const font = fontOptions();
  const cjk = findCjkFont();
  // Opened on the first labels; null: no known CJK font or HarfBuzz unavailable (the full font outlines).
  let subsetter: Promise<FontSubsetter | null> | null = null;
  const outlines = new Map<string, string>();
  const pending = new Map<string, Promise<void>>();
  let worker: OutlineWorker | null = null;
  // One batch at a time, the smallest waiting first: a radar's few new labels are not kept
  // waiting behind the ranking's many.
  const outlining = new Slots(1);

  const usvg = async (svgs: string[], withFont: Font): Promise<string[]> => {
    if (worker) {
      try {
        return await worker.outline(svgs, withFont);
      } catch {
        // A worker that died is not asked again; this thread outlines the rest.
        worker = null;
      }
    }
    return svgs.map((svg) => new Resvg(svg, { font: withFont }).toString());
  };

  /**
   * usvg's output for `svgs`, whose text is `labels`: read with a subset of the CJK font holding
   * just the labels' characters, written to a file of its own for the call (resvg reads fonts from
   * files only), else with the full font.
   */
  const usvgLabels = async (svgs: string[], labels: readonly string[]): Promise<string[]> => {
    if (cjk) subsetter ??= openFontSubsetter(cjk.file, cjk.family);
    const glyphs = (await subsetter)?.subset(labelText(labels));
    if (!glyphs) return usvg(svgs, font);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kaoping-glyphs-'));
    try {
      const file = path.join(dir, 'labels.otf');
      await fs.writeFile(file, glyphs);
      return await usvg(svgs, { ...font, fontFiles: [file] });
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  };

  const outlineBatch = async (batch: readonly string[]): Promise<void> => {
    const grouped = batch.map((label, k) => `<g id="${LABEL_ID}${k}">${label}</g>`).join('');
    const [out = ''] = await usvgLabels([`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">${grouped}</svg>`], batch);
    const split = splitGroups(out, batch.length);
    // When usvg's output cannot be split (shared definitions), each label is outlined on its own.
    const parts =
      split ?? (await usvgLabels(batch.map((label) => `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">${label}</svg>`), batch)).map(innerSvg);
    batch.forEach((label, k) => {
      outlines.set(label, parts[k] ?? '');
      pending.delete(label);
    });
  };

  /** Resolves when every one of `labels` has its outline in `outlines`. */
  const ensureOutlined = (labels: readonly string[]): Promise<unknown> => {
    const missing = [...new Set(labels)].filter((l) => !outlines.has(l) && !pending.has(l));
    for (let i = 0; i < missing.length; i += LABELS_PER_BATCH) {
      const batch = missing.slice(i, i + LABELS_PER_BATCH);
      const done = outlining.run(() => outlineBatch(batch), batch.length);
      for (const label of batch) pending.set(label, done);
    }
    return Promise.all(labels.map((l) => pending.get(l)));
  };

  const labelsOf = (svg: string): string[] => [...svg.matchAll(TEXT_ELEMENT)].map((m) => m[0].replace(TRANSFORM_ATTR, ''));

  const outline = (element: string): string => {
    const transform = TRANSFORM_ATTR.exec(element)?.[1];
    const paths = outlines.get(element.replace(TRANSFORM_ATTR, ''));
    if (paths === undefined) throw new Error('chart label drawn before it was outlined');
    return transform === undefined ? paths : `<g transform="${transform}">${paths}</g>`;
  };

  const rasterise = async (svg: string): Promise<Buffer> => {
    const image = await renderAsync(svg.replace(TEXT_ELEMENT, outline), {
      font: { loadSystemFonts: false },
      fitTo: { mode: 'zoom', value: ZOOM },
      background: '#ffffff',
    });
    // resvg's own PNG encoder runs on this thread (about 20 ms a chart); the same pixels are
    // encoded here with zlib on the thread pool instead (level 3: faster than resvg's and smaller).
    // resvg's pixels are premultiplied, which equals straight alpha where a pixel is opaque: the
    // opaque background is filled first and source-over drawing keeps every pixel opaque.
    return encodePng(image.pixels, image.width, image.height, PNG_LEVEL);
  };

  return {
    async render(spec) {
      const svg = renderSvg(spec);
      await ensureOutlined(labelsOf(svg));
      return rasterise(svg);
    },
    async renderMany(specs, concurrency, onRendered) {
      // ECharts builds the SVGs on worker threads (or this one); the outline worker outlines the
      // new labels and libuv's pool rasterises the charts whose labels are ready, `concurrency` at a time.
      worker = opts.outlineWorker === false ? null : startOutlineWorker();
      const pool = opts.svgWorkers === false ? null : startSvgWorkerPool();
      let svgWriter: ReturnType<typeof createSvgWriter> | null = null;
      const writeHere = (spec: ChartSpec): string => (svgWriter ??= createSvgWriter()).write(spec);
      const results = new Array<Buffer>(specs.length);
      const slots = new Slots(Math.max(1, concurrency));
      const drawn: Promise<void>[] = [];
      let rendered = 0;
      try {
        for (let index = 0; index < specs.length; index++) {
          const spec = specs[index];
          if (!spec) continue;
          // A chart whose worker failed is drawn here; its SVG is the same.
          const svg = pool ? pool.write(spec).catch(() => writeHere(spec)) : Promise.resolve(writeHere(spec));
          drawn.push(
            svg
              .then((s) => ensureOutlined(labelsOf(s)).then(() => slots.run(() => rasterise(s), index)))
              .then((png) => {
                results[index] = png;
                onRendered?.(++rendered);
              }),
          );
          // Lets finished outlines and rasters be taken up between charts drawn on this thread.
          if (!pool) await new Promise((resolve) => setImmediate(resolve));
        }
        await Promise.all(drawn);
      } finally {
        // Settle every chart before the workers go, so that no rejection is left unobserved.
        await Promise.allSettled(drawn);
        (svgWriter as ReturnType<typeof createSvgWriter> | null)?.dispose();
        await pool?.close();
        await worker?.close();
        worker = null;
      }
      return results;
    },
  };
}

/** Runs at most `limit` tasks at a time; a waiting task of lower `priority` goes first, ties in order. */
class Slots {
  private active = 0;
  private readonly queue: { priority: number; start: () => void }[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>, priority: number): Promise<T> {
    // A finished task hands its slot straight to the next waiting one.
    if (this.active >= this.limit) await new Promise<void>((start) => this.queue.push({ priority, start }));
    else this.active++;
    try {
      return await task();
    } finally {
      let next = 0;
      this.queue.forEach((waiting, i) => {
        if (waiting.priority < (this.queue[next]?.priority ?? Infinity)) next = i;
      });
      const [waiting] = this.queue.splice(next, 1);
      if (waiting) waiting.start();
      else this.active--;
    }
  }
}

/**
 * The contents of the groups `${LABEL_ID}0` … `${LABEL_ID}${count - 1}` in usvg's output, in
 * order; a label that drew nothing has no group and outlines to ''. Null when the output has
 * definitions (gradients, clip paths) that the pieces would share.
 */
function splitGroups(svg: string, count: number): string[] | null {
  if (/<defs>/.test(svg)) return null;
  const starts: { index: number; from: number; k: number }[] = [];
  const open = new RegExp(`<g id="${LABEL_ID}(\\d+)">`, 'g');
  for (const m of svg.matchAll(open)) starts.push({ index: m.index ?? 0, from: (m.index ?? 0) + m[0].length, k: Number(m[1]) });
  const end = svg.lastIndexOf('</svg>');
  const out = new Array<string>(count).fill('');
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i];
    if (!s) continue;
    const until = starts[i + 1]?.index ?? end;
    const body = svg.slice(s.from, until).trimEnd();
    if (!body.endsWith('</g>')) return null;
    out[s.k] = body.slice(0, -'</g>'.length).trim();
  }
  return out;
}

function renderSvg(spec: ChartSpec): string {
  const svg = createSvgWriter();
  try {
    return svg.write(spec);
  } finally {
    svg.dispose();
  }
}

/**
 * ECharts' SVG of one chart after another through one ECharts instance: setOption without merging
 * draws each chart afresh (the same SVG but for zrender's generated class names), and skipping
 * init and dispose per chart saves about a fifth of ECharts' time.
 */
function createSvgWriter(): { write(spec: ChartSpec): string; dispose(): void } {
  let chart: echarts.ECharts | null = null;
  let size = { width: 0, height: 0 };
  return {
    write(spec) {
      if (!chart) {
        chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: spec.width, height: spec.height });
      } else if (size.width !== spec.width || size.height !== spec.height) {
        chart.resize({ width: spec.width, height: spec.height });
      }
      size = { width: spec.width, height: spec.height };
      chart.setOption(spec.option, { notMerge: true });
      return chart.renderToSVGString();
    },
    dispose() {
      chart?.dispose();
      chart = null;
    },
  };
}

type Font = NonNullable<ResvgRenderOptions['font']>;

/**
 * Every character a label's markup holds, its entities decoded: more than the text it draws (tag
 * and attribute names too), so that a font subset of them has every glyph the label needs.
 */
function labelText(labels: readonly string[]): string {
  return labels
    .join('')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name] ?? '');
}

function fontOptions(): Font {
  const cjk = findCjkFont();
  if (!cjk) return { loadSystemFonts: true };
  return {
    loadSystemFonts: false,
    fontFiles: [cjk.file],
    defaultFontFamily: cjk.family,
    sansSerifFamily: cjk.family,
    serifFamily: cjk.family,
  };
}

/** The content of usvg's root <svg> element. */
function innerSvg(svg: string): string {
  const start = svg.indexOf('>', svg.indexOf('<svg')) + 1;
  const end = svg.lastIndexOf('</svg>');
  return svg.slice(start, end).replace('<defs/>', '').trim();
}
