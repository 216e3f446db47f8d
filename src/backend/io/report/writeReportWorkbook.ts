import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { ChartSpec, ReportModel } from '../../../core/report/reportModel';
import { createChartRenderer, type ChartRenderer } from './chartRenderer';
import { storeZipMedia } from './storeZipMedia';
import { writeFlagsSheet } from './writeFlagsSheet';
import { writeManagerSheet, type ChartImage } from './writeManagerSheet';
import { writeNearCopySheet } from './writeNearCopySheet';
import { writeSummarySheet } from './writeSummarySheet';

export interface WrittenWorkbook {
  path: string;
  sheets: number;
  bytes: number;
}

/** Steps of writing a report, for a progress bar; the screen words them. */
export type ReportStep = 'charts' | 'sheets' | 'save';

export interface WriteReportOptions {
  renderer?: ChartRenderer;
  /**
   * Only these managers' scorecards, a sheet each, in rank order (导出所选考评卡): no summary,
   * flag or near-copy sheet. Unknown codes are left out.
   */
  onlyManagers?: readonly string[];
  onProgress?: (step: ReportStep, done: number, total: number) => void;
}

/**
 * exceljs hands these to JSZip's generateAsync. JSZip deflates in JavaScript (pako); level 1
 * costs a fraction of the default level 6. The PNGs are stored as they are (storeZipMedia).
 */
const ZIP_OPTIONS: Partial<ExcelJS.XlsxWriteOptions>['zip'] = { compression: 'DEFLATE', compressionOptions: { level: 1 } };

/** Charts rendered at once; the rasterising runs on libuv's thread pool. */
const CHART_CONCURRENCY = 2;

/**
 * Writes the report workbook. It goes to a temporary file beside the target first and is renamed
 * into place only when complete, so an error never leaves a partial or corrupt report behind.
 */
export async function writeReportWorkbook(fullModel: ReportModel, outPath: string, opts: WriteReportOptions = {}): Promise<WrittenWorkbook> {
  const renderer = opts.renderer ?? createChartRenderer();
  const only = opts.onlyManagers ? new Set(opts.onlyManagers) : null;
  const model = only ? { ...fullModel, managers: fullModel.managers.filter((m) => only.has(m.code)) } : fullModel;
  const specs = only
    ? model.managers.map((m) => m.radarChart)
    : [model.summary.rankingChart, model.summary.gradeChart, ...model.managers.map((m) => m.radarChart)];
  const progress = opts.onProgress ?? (() => undefined);
  progress('charts', 0, specs.length);
  // The charts are drawn (on worker threads and libuv's pool) while this thread writes the sheets;
  // their PNGs go into the images' slots once drawn. The sheets' progress is told after the
  // charts', so that a progress bar never goes back.
  let chartsDrawn = false;
  const rendering = renderAll(renderer, specs, (done) => progress('charts', done, specs.length)).finally(() => {
    chartsDrawn = true;
  });

  const workbook = new ExcelJS.Workbook();
  workbook.creator = '考评工作台';
  workbook.title = `${model.department} ${model.monthLabel} 客户经理考评报表`;
  workbook.subject = model.statusLabel;
  const imageIds: number[] = [];
  const image = (index: number): ChartImage => {
    const spec = specs[index];
    if (!spec) throw new Error(`chart ${index} was not rendered`);
    // exceljs keeps the image object it is given and reads its buffer only when the file is written.
    const id = workbook.addImage({ buffer: Buffer.alloc(0) as unknown as ExcelJS.Buffer, extension: 'png' });
    imageIds[index] = id;
    return { id, width: spec.width, height: spec.height };
  };

  const sheetCount = only ? model.managers.length : model.managers.length + 3;
  let sheetsDone = 0;
  const sheetWritten = (done: number) => {
    sheetsDone = done;
    if (chartsDrawn) progress('sheets', done, sheetCount);
  };
  try {
    if (!only) writeSummarySheet(workbook, model, { ranking: image(0), grades: image(1) });
    const radarOffset = only ? 0 : 2;
    for (const [index, section] of model.managers.entries()) {
      writeManagerSheet(workbook, model, section, image(index + radarOffset));
      sheetWritten(index + (only ? 1 : 2));
      // Lets the drawn charts' SVGs be outlined and handed to the rasteriser between sheets.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (!only) {
      writeFlagsSheet(workbook, model);
      writeNearCopySheet(workbook, model);
    }
  } catch (err) {
    await rendering.catch(() => undefined);
    throw err;
  }
  const pngs = await rendering;
  progress('sheets', sheetsDone, sheetCount);
  specs.forEach((_, index) => {
    const png = pngs[index];
    const id = imageIds[index];
    if (!png || id === undefined) throw new Error(`chart ${index} was not rendered`);
    // exceljs types its buffer as an ArrayBuffer; it hands it to JSZip, which takes a Node Buffer as is
    // (and skips the base64 round trip).
    workbook.getImage(id).buffer = png as unknown as ExcelJS.Buffer;
  });
  progress('sheets', sheetCount, sheetCount);
  progress('save', 0, 1);

  const target = path.resolve(outPath);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`);
  storeZipMedia();
  try {
    await workbook.xlsx.writeFile(temp, { zip: ZIP_OPTIONS });
    await fs.rename(temp, target);
  } catch (err) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
  const { size } = await fs.stat(target);
  progress('save', 1, 1);
  return { path: target, sheets: workbook.worksheets.length, bytes: size };
}

async function renderAll(renderer: ChartRenderer, specs: readonly ChartSpec[], onRendered: (done: number) => void): Promise<Buffer[]> {
  if (renderer.renderMany) return renderer.renderMany(specs, CHART_CONCURRENCY, onRendered);
  const results: Buffer[] = new Array<Buffer>(specs.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < specs.length) {
      const index = next++;
      const spec = specs[index];
      if (spec) results[index] = await renderer.render(spec);
      onRendered(++done);
    }
  };
  await Promise.all(Array.from({ length: CHART_CONCURRENCY }, worker));
  return results;
}
