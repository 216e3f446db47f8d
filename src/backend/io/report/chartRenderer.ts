import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { ChartSpec } from '../../../core/report/reportModel';
import { findCjkFont } from './cjkFont';
import { encodePng } from './encodePng';

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

/** Labels outlined per resvg call: one font load each, and a bounded SVG string. */
const LABELS_PER_BATCH = 400;
const LABEL_ID = 'kaoping-label-';

/**
 * Draws ECharts options as PNG: ECharts' server-side SVG, then resvg. Laying out text with a
 * large CJK font costs resvg dearly: every resvg tree loads the font file anew and prepares its
 * shaping tables, while the same labels recur in every manager's chart. So each distinct label
 * is turned into outline paths once, through resvg itself, and reused; the final raster then
 * needs no fonts at all. The labels a report needs are outlined together, many per resvg call
 * (each in a group of its own id, split apart again from usvg's output), so that the font is
 * loaded a handful of times per report instead of once per label.
 */
export function createChartRenderer(): ChartRenderer {
  const font = fontOptions();
  const outlines = new Map<string, string>();

  /** Fills `outlines` for the labels not seen yet. */
  const outlineAll = (labels: Iterable<string>) => {
    const missing = [...new Set(labels)].filter((l) => !outlines.has(l));
    for (let i = 0; i < missing.length; i += LABELS_PER_BATCH) {
      const batch = missing.slice(i, i + LABELS_PER_BATCH);
      const grouped = batch.map((label, k) => `<g id="${LABEL_ID}${k}">${label}</g>`).join('');
      const out = new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">${grouped}</svg>`, { font }).toString();
      const split = splitGroups(out, batch.length);
      batch.forEach((label, k) => {
        // A label usvg's output cannot be split for (shared definitions) is outlined on its own.
        outlines.set(label, split?.[k] ?? innerSvg(new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">${label}</svg>`, { font }).toString()));
      });
    }
  };

  const labelsOf = (svg: string): string[] => [...svg.matchAll(TEXT_ELEMENT)].map((m) => m[0].replace(TRANSFORM_ATTR, ''));

  const outline = (element: string): string => {
    const transform = TRANSFORM_ATTR.exec(element)?.[1];
    const untransformed = element.replace(TRANSFORM_ATTR, '');
    if (!outlines.has(untransformed)) outlineAll([untransformed]);
    const paths = outlines.get(untransformed) ?? '';
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
      outlineAll(labelsOf(svg));
      return rasterise(svg);
    },
    async renderMany(specs, concurrency, onRendered) {
      // ECharts builds each chart's SVG on this thread while resvg rasterises the previous ones
      // on libuv's pool; a chart's new labels are outlined (one resvg call) before it is drawn.
      const results = new Array<Buffer>(specs.length);
      const inFlight = new Set<Promise<void>>();
      let failure: { err: unknown } | undefined;
      let rendered = 0;
      for (let index = 0; index < specs.length; index++) {
        const spec = specs[index];
        if (!spec) continue;
        const svg = renderSvg(spec);
        outlineAll(labelsOf(svg));
        const done: Promise<void> = rasterise(svg).then(
          (png) => {
            results[index] = png;
            inFlight.delete(done);
            onRendered?.(++rendered);
          },
          (err: unknown) => {
            failure ??= { err };
            inFlight.delete(done);
          },
        );
        inFlight.add(done);
        if (inFlight.size >= Math.max(1, concurrency)) await Promise.race(inFlight);
        if (failure) break;
      }
      await Promise.all(inFlight);
      if (failure) throw failure.err;
      return results;
    },
  };
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
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: spec.width, height: spec.height });
  try {
    chart.setOption(spec.option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

function fontOptions(): NonNullable<ResvgRenderOptions['font']> {
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
