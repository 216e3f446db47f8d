import type { Scalar } from './childProtocol';

/** One line of the figures table: a workload or its baseline, with medians of its runs. */
export interface FigureRow {
  section: string;
  item: string;
  runs: string;
  figure: string;
  /** CPU seconds of the measured region (median), where the workload reports it. */
  cpuSeconds: number | null;
  peakRssMb: number | null;
  /** How it compares with the section's baseline, e.g. "0.62× streaming read". */
  vsBaseline: string;
  numbers: Record<string, Scalar>;
}

export interface TargetCheck {
  target: string;
  measured: string;
  /** null: could not be measured (not available, or guarded). */
  met: boolean | null;
}

export interface SectionResult {
  figures: FigureRow[];
  targets: TargetCheck[];
  notes: string[];
  /** false when a correctness assertion failed (the bench then exits non-zero). */
  passed: boolean;
}

export const fmt = {
  seconds: (s: number | null) => (s === null ? '—' : s < 10 ? `${s.toFixed(2)} s` : `${s.toFixed(1)} s`),
  ms: (ms: number | null) => (ms === null ? '—' : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`),
  rate: (perSecond: number | null, unit = 'rows/s') => (perSecond === null ? '—' : `${Math.round(perSecond).toLocaleString('en-US')} ${unit}`),
  count: (n: number | null) => (n === null ? '—' : Math.round(n).toLocaleString('en-US')),
  ratio: (r: number | null) => (r === null ? '—' : `${r.toFixed(2)}×`),
  mb: (mb: number | null) => (mb === null ? '—' : `${mb.toFixed(0)} MB`),
};

/** Terminal columns of a string: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width += (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** A plain-text table with a header rule, columns as wide as their widest cell. */
export function renderTable(head: string[], rows: string[][]): string {
  const widths = head.map((h, c) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c] ?? ''))));
  const line = (cells: string[]) => cells.map((cell, c) => pad(cell, widths[c] ?? 0)).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function figuresTable(figures: FigureRow[]): string {
  return renderTable(
    ['section', 'measurement', 'runs', 'median (wall)', 'CPU', 'peak RSS', 'vs baseline'],
    figures.map((f) => [f.section, f.item, f.runs, f.figure, f.cpuSeconds === null ? '' : fmt.seconds(f.cpuSeconds), fmt.mb(f.peakRssMb), f.vsBaseline]),
  );
}

export function targetsTable(targets: TargetCheck[]): string {
  return renderTable(
    ['target', 'measured', 'met'],
    targets.map((t) => [t.target, t.measured, t.met === null ? 'n/a' : t.met ? 'met' : 'MISSED']),
  );
}
