import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { DemoManifest } from '../../../../src/backend/demo/writeDemoDistrict';

export type Cell = string | number | boolean | Date | null;

/** Every row of the first sheet as 0-based cell arrays (exceljs reads whole, fine for the default size). */
export async function readSheet(path: string): Promise<{ rows: Cell[][]; merges: string[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error(`no sheet in ${path}`);
  const rows: Cell[][] = [];
  for (let i = 1; i <= sheet.rowCount; i++) {
    const values = sheet.getRow(i).values;
    // Array.from visits the holes exceljs leaves for empty cells.
    const cells = Array.isArray(values) ? Array.from(values.slice(1) as unknown[]) : [];
    rows.push(cells.map((v) => (v === undefined ? null : (v as Cell))));
  }
  return { rows, merges: (sheet.model as { merges?: string[] }).merges ?? [] };
}

/** A minimal RFC 4180 reader: quoted fields with commas, doubled quotes; LF line ends. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

export async function readGb18030Csv(path: string): Promise<string[][]> {
  return parseCsv(iconv.decode(await readFile(path), 'gb18030'));
}

export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
}

export function isoOf(cell: Cell | undefined): string {
  if (!(cell instanceof Date)) throw new Error(`expected a date cell, got ${String(cell)}`);
  return cell.toISOString().slice(0, 10);
}

export interface Retailer {
  licence: string;
  customerCode: string;
  name: string;
  longitude: number;
  latitude: number;
  tier: number;
  route: string;
  managerCode: string;
  status: string;
}

export interface Punch {
  managerCode: string;
  date: string;
  /** Seconds after midnight. */
  second: number;
  retailer: Retailer | null;
  anomaly: string;
  result: string;
}

export interface Journal {
  managerCode: string;
  date: string;
  licence: string;
  content: string;
  violation: string;
}

export interface Report {
  managerCode: string;
  month: string;
  body: string;
  submittedOn: string;
}

export interface Survey {
  id: string;
  date: string;
  licence: string;
  knows: string;
  scores: number[];
  overall: string;
}

export interface Inspection {
  date: string;
  licence: string;
  violation: string;
}

export interface DemoFiles {
  manifest: DemoManifest;
  retailers: Map<string, Retailer>;
  punches: Punch[];
  journals: Journal[];
  reports: Report[];
  surveys: Survey[];
  inspections: Inspection[];
  workdays: Set<string>;
}

export function fileOf(manifest: DemoManifest, kind: string, nameStart = ''): string {
  const file = manifest.files.find((f) => f.kind === kind && f.name.startsWith(nameStart));
  if (!file) throw new Error(`no ${kind} file ${nameStart}`);
  return file.name;
}

/** Reads the generated district back the way a supervisor's files would be read: from disk. */
export async function readDemoFiles(dir: string): Promise<DemoFiles> {
  const manifest = JSON.parse(await readFile(join(dir, '.demo-manifest.json'), 'utf8')) as DemoManifest;
  const path = (kind: string, nameStart = ''): string => join(dir, fileOf(manifest, kind, nameStart));

  const retailerRows = (await readSheet(path('retailers'))).rows.slice(3);
  const retailers = new Map<string, Retailer>();
  const byCustomerCode = new Map<string, Retailer>();
  for (const r of retailerRows) {
    const retailer: Retailer = {
      licence: cellText(r[0]),
      customerCode: cellText(r[1]),
      name: cellText(r[2]),
      longitude: Number(r[6]),
      latitude: Number(r[7]),
      tier: Number(r[10]),
      route: cellText(r[11]),
      managerCode: cellText(r[12]),
      status: cellText(r[14]),
    };
    retailers.set(retailer.licence, retailer);
    byCustomerCode.set(retailer.customerCode, retailer);
  }

  const punches: Punch[] = [];
  for (const r of (await readSheet(path('attendance', '钉钉'))).rows.slice(3)) {
    const time = cellText(r[8]);
    const licence = /（(\d{12})）/.exec(cellText(r[13]))?.[1];
    punches.push({
      managerCode: cellText(r[3]),
      date: `20${cellText(r[6]).slice(0, 8)}`,
      second: time === '' ? -1 : Number(time.slice(0, 2)) * 3600 + Number(time.slice(3, 5)) * 60,
      retailer: licence ? (retailers.get(licence) ?? null) : null,
      anomaly: cellText(r[14]),
      result: cellText(r[9]),
    });
  }
  for (const [code, customerCode, at] of (await readGb18030Csv(path('attendance', '电子卡'))).slice(1)) {
    if (!code || !customerCode || !at) continue;
    punches.push({
      managerCode: code,
      date: at.slice(0, 10),
      second: Number(at.slice(11, 13)) * 3600 + Number(at.slice(14, 16)) * 60 + Number(at.slice(17, 19)),
      retailer: byCustomerCode.get(customerCode) ?? null,
      anomaly: '',
      result: '刷卡',
    });
  }

  const journals: Journal[] = (await readSheet(path('journals'))).rows.slice(1).map((r) => ({
    managerCode: cellText(r[1]),
    date: isoOf(r[0]),
    licence: cellText(r[3]),
    content: cellText(r[8]),
    violation: cellText(r[13]),
  }));
  const reports: Report[] = (await readSheet(path('reports'))).rows.slice(1).map((r) => ({
    managerCode: cellText(r[0]),
    month: cellText(r[2]),
    body: cellText(r[4]),
    submittedOn: isoOf(r[5]),
  }));
  const surveys: Survey[] = (await readSheet(path('surveys'))).rows.slice(1).map((r) => ({
    id: cellText(r[0]),
    date: isoOf(r[1]),
    licence: cellText(r[3]),
    knows: cellText(r[5]),
    scores: r.slice(8, 15).map(Number),
    overall: cellText(r[15]),
  }));
  const inspections: Inspection[] = (await readSheet(path('inspections'))).rows.slice(1).map((r) => ({
    date: isoOf(r[0]),
    licence: cellText(r[1]),
    violation: cellText(r[2]),
  }));
  const workdays = new Set(
    (await readSheet(path('calendar'))).rows
      .slice(1)
      .filter((r) => r[1] === '是')
      .map((r) => isoOf(r[0])),
  );
  return { manifest, retailers, punches, journals, reports, surveys, inspections, workdays };
}

export function distanceKm(a: { longitude: number; latitude: number }, b: { longitude: number; latitude: number }): number {
  const toRad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * toRad;
  const dLon = (b.longitude - a.longitude) * toRad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * toRad) * Math.cos(b.latitude * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}
