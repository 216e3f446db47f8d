import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { ChartSpec } from '../../../core/report/reportModel';
import { findCjkFont } from './cjkFont';

/** Pixels per chart pixel in the PNG, so that printed charts stay sharp. */
const ZOOM = 2;
const TEXT_ELEMENT = /<text\b[^>]*>[\s\S]*?<\/text>/g;
const TRANSFORM_ATTR = /\stransform="([^"]*)"/;

export interface ChartRenderer {
  render(spec: ChartSpec): Promise<Buffer>;
}

/**
 * Draws ECharts options as PNG: ECharts' server-side SVG, then resvg. Laying out text with a
 * large CJK font costs resvg tens of milliseconds per <text> element (it prepares the font's
 * shaping tables anew each time), while the same labels recur in every manager's chart. So each
 * distinct label is turned into outline paths once, through resvg itself, and reused; the final
 * raster then needs no fonts at all.
 */
export function createChartRenderer(): ChartRenderer {
  const font = fontOptions();
  const outlines = new Map<string, string>();

  const outline = (element: string): string => {
    const transform = TRANSFORM_ATTR.exec(element)?.[1];
    const untransformed = element.replace(TRANSFORM_ATTR, '');
    let paths = outlines.get(untransformed);
    if (paths === undefined) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">${untransformed}</svg>`;
      paths = innerSvg(new Resvg(svg, { font }).toString());
      outlines.set(untransformed, paths);
    }
    return transform === undefined ? paths : `<g transform="${transform}">${paths}</g>`;
  };

  return {
    async render(spec) {
      const svg = renderSvg(spec).replace(TEXT_ELEMENT, outline);
      const image = await renderAsync(svg, {
        font: { loadSystemFonts: false },
        fitTo: { mode: 'zoom', value: ZOOM },
        background: '#ffffff',
      });
      return image.asPng();
    },
  };
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
