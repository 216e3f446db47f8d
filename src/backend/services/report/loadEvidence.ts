import { calendarDay } from '../../../core/calendar';
import type { EvidenceKind, EvidenceRef } from '../../../core/measures/dimensions';
import type { EvidenceDetail } from '../../../core/report/reportInput';
import type { Store } from '../../db/openStore';
import { selectJournalEntries, selectReportEntries } from '../../repositories/textEntryQueries';
import { commentsByEntry } from '../../repositories/entryCommentRepository';

/** Ids per query: well below SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;

type Loader = (store: Store, ids: number[]) => Promise<EvidenceDetail[]>;

/**
 * A short, printable detail for each evidence row the flags point at: when, who, which retailer
 * and the row's own words. One query per kind and chunk of ids; rows that no longer exist
 * (an undone import) are simply absent.
 */
export async function loadEvidence(store: Store, refs: readonly EvidenceRef[]): Promise<EvidenceDetail[]> {
  const idsByKind = new Map<EvidenceKind, Set<number>>();
  for (const ref of refs) {
    const ids = idsByKind.get(ref.kind) ?? new Set<number>();
    ids.add(ref.id);
    idsByKind.set(ref.kind, ids);
  }
  const details: EvidenceDetail[] = [];
  for (const [kind, ids] of idsByKind) {
    const sorted = [...ids].sort((a, b) => a - b);
    for (let start = 0; start < sorted.length; start += CHUNK) {
      const chunk = await LOADERS[kind](store, sorted.slice(start, start + CHUNK));
      details.push(...(kind === 'journals' || kind === 'reports' ? await withComments(store, kind, chunk) : chunk));
    }
  }
  return details;
}

const LOADERS: Record<EvidenceKind, Loader> = {
  // A day of the work calendar (id YYYYMMDD): what kind of day it was. The flag it backs says
  // whose punches that day are missing; the calendar row, if any, is an import or a hand edit.
  calendar: async (store, ids) => {
    const dates = ids.map((id) => String(id)).filter((s) => /^\d{8}$/.test(s)).map((s) => `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`);
    const overrides = await store.db.selectFrom('calendar_days').select(['date', 'workday', 'note']).where('date', 'in', dates.length > 0 ? dates : ['']).execute();
    const list = overrides.map((o) => ({ date: o.date, workday: o.workday === 1, note: o.note }));
    return dates.map((date) => {
      let text: string;
      try {
        const day = calendarDay(date, list);
        const kind = day.workday ? (day.makeUp ? '调休上班（工作日）' : '工作日') : `休息日${day.holiday ? `（${day.holiday}）` : ''}`;
        text = `工作日历：${kind}；当天打卡：无`;
      } catch {
        text = '工作日历中没有这一天';
      }
      return { kind: 'calendar' as const, id: Number(date.replace(/-/g, '')), date, time: null, managerCode: null, managerName: null, retailerName: null, retailerLicence: null, text, note: null };
    });
  },

  journals: async (store, ids) =>
    (
      await selectJournalEntries(store.db)
        .select(['j.problems', 'j.violation'])
        .where('j.id', 'in', ids)
        .execute()
    ).map((row) => ({
      kind: 'journals',
      id: row.id,
      date: row.date,
      time: row.arrived_at,
      managerCode: row.managerCode,
      managerName: row.managerName,
      retailerName: row.retailerName ?? row.retailer_name,
      retailerLicence: row.retailerLicence ?? row.retailer_ref,
      text: row.content,
      note: joinNotes([labelled('发现问题', row.problems), isViolation(row.violation) ? labelled('违规情况', row.violation) : null]),
    })),

  attendance: async (store, ids) =>
    (
      await store.db
        .selectFrom('attendance as a')
        .leftJoin('managers as m', 'm.id', 'a.manager_id')
        .leftJoin('retailers as r', 'r.id', 'a.retailer_id')
        .select([
          'a.id',
          'a.date',
          'a.at',
          'a.is_absence',
          'a.kind',
          'a.result',
          'a.anomaly',
          'a.mock_location',
          'a.source',
          'a.address',
          'a.visited',
          'a.retailer_ref',
          'm.code as managerCode',
          'm.name as managerName',
          'r.name as retailerName',
          'r.licence as retailerLicence',
        ])
        .where('a.id', 'in', ids)
        .execute()
    ).map((row) => ({
      kind: 'attendance',
      id: row.id,
      date: row.date,
      time: row.at ? row.at.slice(11, 19) : null,
      managerCode: row.managerCode,
      managerName: row.managerName,
      retailerName: row.retailerName,
      retailerLicence: row.retailerLicence ?? row.retailer_ref,
      text:
        row.is_absence === 1
          ? `缺勤记录${row.result ? `：${row.result}` : ''}`
          : `打卡${row.at ? ` ${row.at.slice(11, 19)}` : ''}${row.address ? `，地点：${row.address}` : row.visited ? `，拜访：${row.visited}` : ''}`,
      note: joinNotes([
        labelled('类型', row.kind),
        row.is_absence === 1 ? null : labelled('结果', row.result),
        labelled('异常', row.anomaly),
        // 补打卡: a punch filled in afterwards stays recognisable in the evidence.
        labelled('数据来源', row.source),
        row.mock_location === 1 && !(row.anomaly ?? '').includes('模拟定位') ? '模拟定位' : null,
      ]),
    })),

  reports: async (store, ids) =>
    (
      await selectReportEntries(store.db)
        .where('p.id', 'in', ids)
        .execute()
    ).map((row) => ({
      kind: 'reports',
      id: row.id,
      date: row.submitted_on ?? row.period,
      period: row.period,
      time: null,
      managerCode: row.managerCode,
      managerName: row.managerName,
      retailerName: null,
      retailerLicence: null,
      text: row.body,
      note: joinNotes([`${row.kind} ${row.period}`, row.title, row.submitted_on ? `提交于 ${row.submitted_on}` : '未填提交日期']),
    })),

  surveys: async (store, ids) =>
    (
      await store.db
        .selectFrom('surveys as s')
        .leftJoin('retailers as r', 'r.id', 's.retailer_id')
        .select([
          's.id',
          's.date',
          's.overall',
          's.comments',
          's.knows_manager',
          's.method',
          's.retailer_ref',
          'r.name as retailerName',
          'r.licence as retailerLicence',
        ])
        .where('s.id', 'in', ids)
        .execute()
    ).map((row) => ({
      kind: 'surveys',
      id: row.id,
      date: row.date,
      time: null,
      managerCode: null,
      managerName: null,
      retailerName: row.retailerName,
      retailerLicence: row.retailerLicence ?? row.retailer_ref,
      text: `总体评价：${row.overall ?? '未填'}${row.comments ? `；意见：${row.comments}` : ''}`,
      note: joinNotes([`认识客户经理：${row.knows_manager === 1 ? '是' : '否'}`, labelled('调查方式', row.method)]),
    })),

  inspections: async (store, ids) =>
    (
      await store.db
        .selectFrom('inspections as i')
        .leftJoin('retailers as r', 'r.id', 'i.retailer_id')
        .select(['i.id', 'i.date', 'i.violation', 'i.inspector', 'i.notes', 'i.retailer_ref', 'r.name as retailerName', 'r.licence as retailerLicence'])
        .where('i.id', 'in', ids)
        .execute()
    ).map((row) => ({
      kind: 'inspections',
      id: row.id,
      date: row.date,
      time: null,
      managerCode: null,
      managerName: null,
      retailerName: row.retailerName,
      retailerLicence: row.retailerLicence ?? row.retailer_ref,
      text: row.violation,
      note: joinNotes([labelled('检查人', row.inspector), row.notes]),
    })),

  orders: async (store, ids) =>
    (
      await store.db
        .selectFrom('orders as o')
        .leftJoin('retailers as r', 'r.id', 'o.retailer_id')
        .select(['o.id', 'o.date', 'o.brand_name', 'o.brand_code', 'o.quantity', 'o.retailer_ref', 'r.name as retailerName', 'r.licence as retailerLicence'])
        .where('o.id', 'in', ids)
        .execute()
    ).map((row) => ({
      kind: 'orders',
      id: row.id,
      date: row.date,
      time: null,
      managerCode: null,
      managerName: null,
      retailerName: row.retailerName,
      retailerLicence: row.retailerLicence ?? row.retailer_ref,
      text: `${row.brand_name ?? row.brand_code ?? '未知品规'} ${row.quantity} 条`,
      note: null,
    })),

  retailers: async (store, ids) =>
    (
      await store.db
        .selectFrom('retailers')
        .select(['id', 'name', 'licence', 'address', 'tier', 'route'])
        .where('id', 'in', ids)
        .execute()
    ).map((row) => ({
      kind: 'retailers',
      id: row.id,
      date: null,
      time: null,
      managerCode: null,
      managerName: null,
      retailerName: row.name,
      retailerLicence: row.licence,
      text: row.address ?? '',
      note: joinNotes([row.tier === null ? null : `档位 ${row.tier}`, labelled('线路', row.route)]),
    })),
};

/** The supervisor's comments from 日志对照, so the report shows them next to the entry. */
async function withComments(store: Store, kind: 'journals' | 'reports', details: EvidenceDetail[]): Promise<EvidenceDetail[]> {
  const comments = await commentsByEntry(
    store.db,
    kind,
    details.map((d) => d.id),
  );
  return details.map((d) => {
    const c = comments.get(d.id);
    return c ? { ...d, comment: { text: c.text, by: c.updated_by, at: c.updated_at } } : d;
  });
}

function labelled(label: string, value: string | null): string | null {
  return value && value.trim() ? `${label}：${value.trim()}` : null;
}

function joinNotes(parts: readonly (string | null)[]): string | null {
  const present = parts.filter((p): p is string => p !== null && p.trim() !== '');
  return present.length === 0 ? null : present.join('；');
}

function isViolation(value: string | null): boolean {
  return value !== null && value.trim() !== '' && value.trim() !== '无';
}
