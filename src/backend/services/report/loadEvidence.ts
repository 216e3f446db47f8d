import { calendarDay } from '../../../core/calendar';
import type { EvidenceKind, EvidenceRef } from '../../../core/measures/dimensions';
import { messagesZh, type MessageText } from '../../../core/messages/messageText';
import type { EvidenceDetail } from '../../../core/report/reportInput';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { selectJournalEntries, selectReportEntries } from '../../repositories/textEntryQueries';
import { commentsByEntry } from '../../repositories/entryCommentRepository';

/** Ids per query: well below SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;

type Loader = (db: Kysely<Database>, ids: number[]) => Promise<EvidenceDetail[]>;

/**
 * A short, printable detail for each evidence row the flags point at: when, who, which retailer
 * and the row's own words. One query per kind and chunk of ids; rows that no longer exist
 * (an undone import) are simply absent. Rows come in id order: PostgreSQL returns the rows of an
 * IN list in any order, and a finalized month freezes this list as it reads.
 */
export async function loadEvidence(db: Kysely<Database>, refs: readonly EvidenceRef[]): Promise<EvidenceDetail[]> {
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
      const chunk = await LOADERS[kind](db, sorted.slice(start, start + CHUNK));
      details.push(...(kind === 'journals' || kind === 'reports' ? await withComments(db, kind, chunk) : chunk));
    }
  }
  return details;
}

const LOADERS: Record<EvidenceKind, Loader> = {
  // A day of the work calendar (id YYYYMMDD): what kind of day it was. The flag it backs says
  // whose punches that day are missing; the calendar row, if any, is an import or a hand edit.
  calendar: async (db, ids) => {
    const dates = ids.map((id) => String(id)).filter((s) => /^\d{8}$/.test(s)).map((s) => `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`);
    const overrides = await db.selectFrom('calendar_days').select(['date', 'workday', 'note']).where('date', 'in', dates.length > 0 ? dates : ['']).execute();
    const list = overrides.map((o) => ({ date: o.date, workday: o.workday === 1, note: o.note }));
    return dates.map((date) => {
      let description: MessageText;
      try {
        const day = calendarDay(date, list);
        description = day.workday
          ? said(day.makeUp ? 'calendar.makeUpWorkday' : 'calendar.workday')
          : day.holiday
            ? said('calendar.holiday', { holiday: day.holiday })
            : said('calendar.restDay');
      } catch {
        description = said('calendar.unknown');
      }
      return { kind: 'calendar' as const, id: Number(date.replace(/-/g, '')), date, time: null, managerCode: null, managerName: null, retailerName: null, retailerLicence: null, ...textOf([description]), note: null };
    });
  },

  journals: async (db, ids) =>
    (
      await selectJournalEntries(db)
        .select(['j.problems', 'j.violation'])
        .where('j.id', 'in', ids)
        .orderBy('j.id')
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
      ...noteOf([labelled('journals.problems', row.problems), isViolation(row.violation) ? labelled('journals.violation', row.violation) : null]),
    })),

  attendance: async (db, ids) =>
    (
      await db
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
        .orderBy('a.id')
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
      ...textOf(
        row.is_absence === 1
          ? [row.result ? said('attendance.absenceResult', { result: row.result }) : said('attendance.absence')]
          : [
              row.at ? said('attendance.punchAt', { time: row.at.slice(11, 19) }) : said('attendance.punch'),
              ...(row.address ? [said('attendance.place', { value: row.address })] : row.visited ? [said('attendance.visited', { value: row.visited })] : []),
            ],
      ),
      ...noteOf([
        labelled('attendance.kind', row.kind),
        row.is_absence === 1 ? null : labelled('attendance.result', row.result),
        labelled('attendance.anomaly', row.anomaly),
        // 补打卡: a punch filled in afterwards stays recognisable in the evidence.
        labelled('attendance.source', row.source),
        row.mock_location === 1 && !(row.anomaly ?? '').includes('模拟定位') ? said('attendance.mockLocation') : null,
      ]),
    })),

  reports: async (db, ids) =>
    (
      await selectReportEntries(db)
        .where('p.id', 'in', ids)
        .orderBy('p.id')
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
      ...noteOf([
        said('reports.period', { kind: row.kind, period: row.period }),
        raw(row.title),
        row.submitted_on ? said('reports.submitted', { date: row.submitted_on }) : said('reports.notSubmitted'),
      ]),
    })),

  surveys: async (db, ids) =>
    (
      await db
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
        .orderBy('s.id')
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
      ...textOf([
        row.overall === null ? said('surveys.overallMissing') : said('surveys.overall', { value: row.overall }),
        ...(row.comments ? [said('surveys.comments', { value: row.comments })] : []),
      ]),
      ...noteOf([said(row.knows_manager === 1 ? 'surveys.knowsManager' : 'surveys.doesNotKnowManager'), labelled('surveys.method', row.method)]),
    })),

  inspections: async (db, ids) =>
    (
      await db
        .selectFrom('inspections as i')
        .leftJoin('retailers as r', 'r.id', 'i.retailer_id')
        .select(['i.id', 'i.date', 'i.violation', 'i.inspector', 'i.notes', 'i.retailer_ref', 'r.name as retailerName', 'r.licence as retailerLicence'])
        .where('i.id', 'in', ids)
        .orderBy('i.id')
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
      ...noteOf([labelled('inspections.inspector', row.inspector), raw(row.notes)]),
    })),

  orders: async (db, ids) =>
    (
      await db
        .selectFrom('orders as o')
        .leftJoin('retailers as r', 'r.id', 'o.retailer_id')
        .select(['o.id', 'o.date', 'o.brand_name', 'o.brand_code', 'o.quantity', 'o.retailer_ref', 'r.name as retailerName', 'r.licence as retailerLicence'])
        .where('o.id', 'in', ids)
        .orderBy('o.id')
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
      ...textOf([orderSaid(row.brand_name ?? row.brand_code, row.quantity)]),
      note: null,
    })),

  retailers: async (db, ids) =>
    (
      await db
        .selectFrom('retailers')
        .select(['id', 'name', 'licence', 'address', 'tier', 'route'])
        .where('id', 'in', ids)
        .orderBy('id')
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
      ...noteOf([row.tier === null ? null : said('retailers.tier', { tier: row.tier }), labelled('retailers.route', row.route)]),
    })),
};

/** The supervisor's comments from 日志对照, so the report shows them next to the entry. */
async function withComments(db: Kysely<Database>, kind: 'journals' | 'reports', details: EvidenceDetail[]): Promise<EvidenceDetail[]> {
  const comments = await commentsByEntry(
    db,
    kind,
    details.map((d) => d.id),
  );
  return details.map((d) => {
    const c = comments.get(d.id);
    return c ? { ...d, comment: { text: c.text, by: c.updated_by, at: c.updated_at } } : d;
  });
}

/** A description by its code under evidence.* (core/messages), so the screen can say it in its language. */
function said(code: string, params: MessageText['params'] = {}): MessageText {
  return { code: `evidence.${code}`, params };
}

/** A labelled value ('类型：外出'); nothing for a blank value. */
function labelled(code: string, value: string | null): MessageText | null {
  return value && value.trim() ? said(code, { value: value.trim() }) : null;
}

/** The row's own words as a part of its note; nothing when blank. */
function raw(value: string | null): MessageText | null {
  return value && value.trim() ? said('raw', { value }) : null;
}

/** The report's Chinese text with the parts it was said from. */
function textOf(parts: readonly MessageText[]): { text: string; textParts: readonly MessageText[] } {
  return { text: messagesZh(parts), textParts: parts };
}

/** The report's Chinese note with its parts; null when no part is present. */
function noteOf(parts: readonly (MessageText | null)[]): { note: string | null; noteParts?: readonly MessageText[] } {
  const present = parts.filter((p): p is MessageText => p !== null);
  return present.length === 0 ? { note: null } : { note: messagesZh(present, NOTE_SEPARATOR_ZH), noteParts: present };
}

function orderSaid(brand: string | null, quantity: number): MessageText {
  return brand === null ? said('orders.quantityUnknownBrand', { quantity }) : said('orders.quantity', { brand, quantity });
}

const NOTE_SEPARATOR_ZH = messagesZh([said('separator')]);

function isViolation(value: string | null): boolean {
  return value !== null && value.trim() !== '' && value.trim() !== '无';
}
