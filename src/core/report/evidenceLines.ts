import type { EvidenceKind, EvidenceRef } from '../measures/dimensions';
import type { CopyPairLine, CopySide, EvidenceLine } from './reportModel';
import type { EvidenceDetail } from './reportInput';

const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  attendance: '打卡',
  journals: '日志',
  reports: '报告',
  surveys: '问卷',
  inspections: '专卖检查',
  orders: '订单',
  retailers: '零售户',
  calendar: '工作日历',
};

/** What a row that has since been removed (an undone import) shows instead of its content. */
export const MISSING_EVIDENCE = '（原始记录已不在数据库中）';

export type EvidenceLookup = (ref: EvidenceRef) => EvidenceDetail | undefined;

export function evidenceLookup(details: readonly EvidenceDetail[]): EvidenceLookup {
  const byKey = new Map(details.map((d) => [`${d.kind}:${d.id}`, d] as const));
  return (ref) => byKey.get(`${ref.kind}:${ref.id}`);
}

function retailerText(detail: EvidenceDetail): string {
  const { retailerName: name, retailerLicence: licence } = detail;
  if (name && licence) return `${name}（${licence}）`;
  return name ?? licence ?? '';
}

/** The supervisor's comment as the report prints it under the entry's own words. */
function commentText(detail: EvidenceDetail): string | null {
  return detail.comment ? `主管批注（${detail.comment.by}）：${detail.comment.text}` : null;
}

export function evidenceLine(ref: EvidenceRef, lookup: EvidenceLookup): EvidenceLine {
  const detail = lookup(ref);
  const kind = EVIDENCE_KIND_LABELS[ref.kind];
  if (!detail) return { kind, date: '', time: '', retailer: '', text: MISSING_EVIDENCE, note: '' };
  return {
    kind,
    date: detail.date ?? '',
    time: detail.time ?? '',
    retailer: retailerText(detail),
    text: detail.text,
    note: [detail.note, commentText(detail)].filter((x) => x).join('；'),
  };
}

/** One short line per evidence row for the list of all flags: when, where, and the gist. */
export function evidenceSummary(refs: readonly EvidenceRef[], lookup: EvidenceLookup, limit = 5): string {
  const parts = refs.slice(0, limit).map((ref) => {
    const detail = lookup(ref);
    if (!detail) return `${EVIDENCE_KIND_LABELS[ref.kind]} #${ref.id}${MISSING_EVIDENCE}`;
    const when = [detail.date, detail.time].filter((x) => x).join(' ');
    const gist = ref.kind === 'attendance' || ref.kind === 'inspections' || ref.kind === 'surveys' ? clip(detail.text, 30) : '';
    return [EVIDENCE_KIND_LABELS[ref.kind], when, retailerText(detail), gist].filter((x) => x).join(' ');
  });
  const more = refs.length > limit ? `；等共 ${refs.length} 条` : '';
  return parts.join('；') + more;
}

function copySide(
  id: number,
  kind: 'journals' | 'reports',
  lookup: EvidenceLookup,
  nameOf: (code: string) => string,
  knownCode = '',
): CopySide {
  const detail = lookup({ kind, id });
  if (!detail) return { managerCode: knownCode, managerName: knownCode && nameOf(knownCode), date: '', text: MISSING_EVIDENCE };
  const code = detail.managerCode ?? knownCode;
  const comment = commentText(detail);
  const period = kind === 'reports' ? detail.period : null;
  return {
    managerCode: code,
    managerName: detail.managerName ?? nameOf(code),
    // Two monthly reports are told apart by the month they are about, not the day they came in.
    date: period ? periodLabel(period) : (detail.date ?? ''),
    sortKey: period ?? detail.date ?? '',
    text: comment ? `${detail.text}\n${comment}` : detail.text,
  };
}

/** Both texts of a near-copy, the earlier one first (the later writer is the one who copied). */
export function copyPair(
  pair: { aId: number; bId: number; similarity: number },
  kind: 'journals' | 'reports',
  lookup: EvidenceLookup,
  nameOf: (code: string) => string,
  knownCodes: { a?: string; b?: string } = {},
): CopyPairLine {
  const a = { side: copySide(pair.aId, kind, lookup, nameOf, knownCodes.a), id: pair.aId };
  const b = { side: copySide(pair.bId, kind, lookup, nameOf, knownCodes.b), id: pair.bId };
  const key = (side: CopySide) => side.sortKey ?? side.date;
  const [first, second] = key(b.side) < key(a.side) || (key(b.side) === key(a.side) && b.id < a.id) ? [b, a] : [a, b];
  return { similarity: pair.similarity, first: first.side, second: second.side, firstId: first.id, secondId: second.id };
}

/** '2026-09' → '9月报' */
function periodLabel(period: string): string {
  const month = Number(period.slice(5, 7));
  return Number.isInteger(month) && month >= 1 && month <= 12 ? `${month}月报` : period;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
