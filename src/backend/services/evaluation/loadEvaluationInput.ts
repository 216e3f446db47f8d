import type {
  AssignmentRow,
  BrandRow,
  EvaluationInput,
  ReportRow,
  SpotcheckItem,
} from '../../../core/measures/evaluationInput';
import { addDays, lastDayOfMonth, shiftMonth } from '../../../core/calendar/dates';
import type { Store } from '../../db/openStore';
import { readRows } from '../../db/readRows';
import { brandsAsOf, managersAsOf, retailersAsOf } from './masterAsOf';
import { readOrderMonthBatchIds, readRetailerMonthOrders, refreshOrderMonthCache } from '../../repositories/orderMonthCache';

import { STATUSES_GONE } from '../../../core/measures/employmentWindow';

export interface LoadedInput {
  input: EvaluationInput;
  /** Import batches whose rows the evaluation read, for the snapshot. */
  batchIds: number[];
}

/**
 * Turns the month's rows into the plain arrays core/measures computes from. Orders come summed
 * per retailer × month from the order month cache (refreshed here for the months whose
 * lines changed): a city month has millions of order lines.
 */
export async function loadEvaluationInput(
  store: Store,
  month: string,
  workdays: string[],
  asOf: string | null = null,
  /** Days of journal entries before the month: the scheme's report window for order.missed, at least 30. */
  lookbackDays = 30,
  /**
   * Only this district's people, shops and rows (migration 0014): a district's numbers, flags and
   * near-copies never mix with another's. Undefined: the whole store; null: a store without districts.
   */
  districtId?: number | null,
): Promise<LoadedInput> {
  const db = store.db;
  const scoped = districtId !== undefined;
  const district = districtId ?? 0;
  // Rows belong to the district of their manager, or of their retailer; a row kept without its
  // retailer (unlinked) to the district of the batch that brought it.
  const districtManagers = db.selectFrom('managers').select('id').where('district_id', '=', district);
  const districtRetailers = db.selectFrom('retailers').select('id').where('district_id', '=', district);
  const districtBatches = db.selectFrom('import_batches').select('id').where('district_id', '=', district);
  const first = `${month}-01`;
  const last = lastDayOfMonth(month);
  const lookbackFrom = addDays(first, -Math.max(30, lookbackDays));
  const prevMonth = shiftMonth(month, -1);
  const lastYear = shiftMonth(month, -12);
  const batchIds = new Set<number>();
  const noteBatches = (rows: { batch_id: number }[]) => rows.forEach((r) => batchIds.add(r.batch_id));

  // Master data as it held in the month (migration 0009's versions), not as today's files say.
  const managerVersions = await managersAsOf(db, month);
  const managerRows = (
    await db
      .selectFrom('managers')
      .select(['id', 'code', 'name', 'hired_on', 'left_on', 'status', 'batch_id'])
      .$if(scoped, (q) => q.where('district_id', '=', district))
      .execute()
  ).map((m) => {
    const v = managerVersions.get(m.id);
    return v ? { ...m, name: v.name, status: v.status, batch_id: Math.max(m.batch_id, v.batchId) } : m;
  });
  const activeInMonth = new Set(
    (
      await db
        .selectFrom('attendance')
        .select('manager_id')
        .distinct()
        .where('date', '>=', first)
        .where('date', '<=', last)
        .union(db.selectFrom('journals').select('manager_id').distinct().where('date', '>=', first).where('date', '<=', last))
        .execute()
    ).map((r) => r.manager_id),
  );
  // core/measures decides who is judged (employmentWindow); this only skips those long gone.
  const managers = managerRows.filter((m) => m.left_on !== null || !STATUSES_GONE.has(m.status ?? '') || activeInMonth.has(m.id));
  noteBatches(managers);
  const codeOfManager = new Map(managerRows.map((m) => [m.id, m.code] as const));

  const retailerVersions = await retailersAsOf(db, month);
  const retailerRows = await readRows(
    db,
    db
      .selectFrom('retailers')
      .select(['id', 'licence', 'name', 'tier', 'route', 'longitude', 'latitude', 'status', 'manager_code', 'batch_id'])
      .$if(scoped, (q) => q.where('district_id', '=', district)),
  );
  for (const r of retailerRows) {
    const v = retailerVersions.get(r.id);
    if (!v) continue;
    r.name = v.name;
    r.status = v.status;
    batchIds.add(v.batchId);
  }
  noteBatches(retailerRows);

  const assignmentRows = await readRows(
    db,
    db
      .selectFrom('assignments')
      .select(['id', 'retailer_id', 'month', 'valid_from', 'route', 'manager_id', 'batch_id'])
      .$if(scoped, (q) => q.where('retailer_id', 'in', districtRetailers))
      .orderBy('retailer_id')
      .orderBy('month'),
  );
  noteBatches(assignmentRows);
  const employment = new Map(managerRows.map((m) => [m.id, { hiredOn: m.hired_on, leftOn: m.left_on }] as const));
  const assignments = toAssignmentRanges(assignmentRows, codeOfManager, retailerRows, employment);

  // The marks the month's brand list gave; a 新品 counts only once it is launched (by the month's end).
  const brandVersions = await brandsAsOf(db, month);
  const brands = (await db.selectFrom('brands').select(['id', 'code', 'name', 'key_brand', 'new_brand', 'launched_on']).execute()).map((b) => {
    const v = brandVersions.get(b.id);
    if (v) batchIds.add(v.batchId);
    const launchedOn = v ? v.launchedOn : b.launched_on;
    const launched = launchedOn === null || launchedOn <= last;
    return {
      code: b.code,
      name: b.name,
      keyBrand: v ? v.keyBrand : b.key_brand === 1,
      newBrand: (v ? v.newBrand : b.new_brand === 1) && launched,
    };
  });

  // Order lines are summed per retailer × brand × month and those totals once more per retailer ×
  // month, kept in the order month cache (migrations 0005 and 0006): a city has millions of lines,
  // and only months whose lines changed are summed again.
  const batchMonths = Array.from({ length: 13 }, (_, i) => shiftMonth(month, i - 12));
  const totalsMonths = [lastYear, prevMonth, month];
  await refreshOrderMonthCache(db, batchMonths);
  const retailerOrders = await readRetailerMonthOrders(
    db,
    totalsMonths,
    { keyBrandCodes: brandCodes(brands, (b) => b.keyBrand), newBrandCodes: brandCodes(brands, (b) => b.newBrand) },
    month,
  );
  for (const id of await readOrderMonthBatchIds(db, batchMonths)) batchIds.add(id);
  const ownRetailers = new Set(retailerRows.map((r) => r.id));
  const districtOrders = scoped ? retailerOrders.filter((o) => ownRetailers.has(o.retailerId)) : retailerOrders;

  const attendance = await readRows(
    db,
    db
      .selectFrom('attendance')
      .select(['id', 'manager_id', 'at', 'date', 'retailer_id', 'longitude', 'latitude', 'mock_location', 'anomaly', 'kind', 'is_absence', 'batch_id'])
      .$if(scoped, (q) => q.where('manager_id', 'in', districtManagers))
      .where('date', '>=', first)
      .where('date', '<=', last)
      .orderBy('manager_id')
      .orderBy('at'),
  );
  noteBatches(attendance);
  const punches = attendance
    .filter((a) => a.is_absence === 0 && a.at !== null)
    .map((a) => ({
      id: a.id,
      managerCode: codeOfManager.get(a.manager_id) ?? '',
      at: a.at ?? '',
      date: a.date,
      retailerId: a.retailer_id,
      longitude: a.longitude,
      latitude: a.latitude,
      mockLocation: a.mock_location === 1,
      anomaly: a.anomaly,
      kind: a.kind,
    }));
  const absences = attendance
    .filter((a) => a.is_absence === 1)
    .map((a) => ({ id: a.id, managerCode: codeOfManager.get(a.manager_id) ?? '', date: a.date }));

  const journalRows = await readRows(
    db,
    db
      .selectFrom('journals')
      .select(['id', 'manager_id', 'date', 'retailer_id', 'content', 'problems', 'violation', 'price_marked', 'display_ok', 'batch_id'])
      .$if(scoped, (q) => q.where('manager_id', 'in', districtManagers))
      .where('date', '>=', lookbackFrom)
      .where('date', '<=', last)
      .orderBy('date')
      .orderBy('id'),
  );
  noteBatches(journalRows);
  const journals = journalRows.map((j) => ({
    id: j.id,
    managerCode: codeOfManager.get(j.manager_id) ?? '',
    date: j.date,
    retailerId: j.retailer_id,
    content: j.content,
    problems: j.problems,
    violation: j.violation,
    priceMarked: j.price_marked === null ? null : j.price_marked === 1,
    displayOk: j.display_ok === null ? null : j.display_ok === 1,
  }));

  const reportRows = await db
    .selectFrom('reports')
    .select(['id', 'manager_id', 'kind', 'period', 'body', 'submitted_on', 'batch_id'])
    .$if(scoped, (q) => q.where('manager_id', 'in', districtManagers))
    .where((eb) => eb.or([eb('period', 'in', [month, prevMonth]), eb('period', 'like', `${month.slice(0, 4)}-W%`)]))
    .execute();
  noteBatches(reportRows);
  const reports: ReportRow[] = reportRows.map((r) => ({
    id: r.id,
    managerCode: codeOfManager.get(r.manager_id) ?? '',
    kind: r.kind === '周记' ? '周记' : '月报',
    period: r.period,
    body: r.body,
    submittedOn: r.submitted_on,
  }));

  const surveyRows = await db
    .selectFrom('surveys')
    .select(['id', 'date', 'retailer_id', 'knows_manager', 'names_manager', 'items_json', 'overall', 'batch_id'])
    .$if(scoped, (q) =>
      q.where((eb) =>
        eb.or([eb('retailer_id', 'in', districtRetailers), eb.and([eb('retailer_id', 'is', null), eb('created_batch_id', 'in', districtBatches)])]),
      ),
    )
    .where('date', '>=', first)
    .where('date', '<=', last)
    .execute();
  noteBatches(surveyRows);
  const surveys = surveyRows.map((s) => ({
    id: s.id,
    date: s.date,
    retailerId: s.retailer_id,
    knowsManager: s.knows_manager === 1,
    namesManager: s.names_manager === null ? null : s.names_manager === 1,
    items: JSON.parse(s.items_json) as Record<string, number>,
    overall: s.overall,
  }));

  const inspectionRows = await db
    .selectFrom('inspections')
    .select(['id', 'date', 'retailer_id', 'violation', 'batch_id'])
    .$if(scoped, (q) =>
      q.where((eb) =>
        eb.or([eb('retailer_id', 'in', districtRetailers), eb.and([eb('retailer_id', 'is', null), eb('created_batch_id', 'in', districtBatches)])]),
      ),
    )
    .where('date', '>=', first)
    .where('date', '<=', last)
    .execute();
  noteBatches(inspectionRows);
  const inspections = inspectionRows.map((i) => ({ id: i.id, date: i.date, retailerId: i.retailer_id, violation: i.violation }));

  const spotcheckRows = await db
    .selectFrom('spotchecks')
    .select(['id', 'date', 'manager_id', 'item', 'subject', 'answer', 'batch_id'])
    .$if(scoped, (q) => q.where('manager_id', 'in', districtManagers))
    .where('date', '>=', first)
    .where('date', '<=', last)
    .execute();
  noteBatches(spotcheckRows);
  const spotchecks = spotcheckRows.map((s) => ({
    id: s.id,
    date: s.date,
    managerCode: codeOfManager.get(s.manager_id) ?? '',
    item: s.item as SpotcheckItem,
    subject: s.subject,
    answer: s.answer,
  }));

  const agreementRows = await db
    .selectFrom('agreements')
    .select(['id', 'month', 'retailer_id', 'agreed', 'brand_code', 'batch_id'])
    .$if(scoped, (q) => q.where('retailer_id', 'in', districtRetailers))
    .where('month', '=', month)
    .where('retailer_id', 'is not', null)
    .execute();
  noteBatches(agreementRows);
  const agreements = agreementRows.map((a) => ({
    id: a.id,
    month: a.month,
    retailerId: a.retailer_id ?? 0,
    agreed: a.agreed,
    brandCode: a.brand_code,
  }));

  return {
    input: {
      month,
      workdays,
      asOf,
      managers: managers.map((m) => ({ code: m.code, name: m.name, hiredOn: m.hired_on, leftOn: m.left_on, status: m.status })),
      retailers: retailerRows.map((r) => ({
        id: r.id,
        licence: r.licence,
        name: r.name,
        tier: r.tier,
        route: r.route,
        longitude: r.longitude,
        latitude: r.latitude,
        status: r.status,
      })),
      assignments,
      brands,
      retailerOrders: districtOrders,
      punches,
      absences,
      journals,
      reports,
      surveys,
      inspections,
      spotchecks,
      agreements,
    },
    batchIds: [...batchIds].sort((a, b) => a - b),
  };
}

/** The codes whose brand (the last of a code, as core/measures looks brands up) has the mark. */
function brandCodes(brands: BrandRow[], marked: (brand: BrandRow) => boolean): string[] {
  const byCode = new Map(brands.map((b) => [b.code, b] as const));
  return [...byCode.values()].filter(marked).map((b) => b.code);
}

/**
 * Assignment rows say "from this month on" (from their valid_from day when a transfer starts
 * mid-month). For the months before the earliest row, the row imported first holds (a retailer
 * file is usually imported once and then kept; a file for an earlier month that arrives later
 * does not change what those months read). A retailer with no assignment row falls back to the
 * manager named on the retailer itself. A manager's ranges end on the day they left
 * (离职日期/调离日期, inclusive as in employmentWindow): nobody serves a shop after leaving it.
 */
function toAssignmentRanges(
  rows: { id: number; retailer_id: number; month: string; valid_from: string | null; route: string | null; manager_id: number | null }[],
  codeOfManager: Map<number, string>,
  retailers: { id: number; route: string | null; manager_code: string | null }[],
  employment: Map<number, { hiredOn: string | null; leftOn: string | null }> = new Map(),
): AssignmentRow[] {
  const out: AssignmentRow[] = [];
  const withRows = new Set<number>();
  const leftOnByCode = new Map<string, string>();
  for (const [id, e] of employment) {
    const code = codeOfManager.get(id);
    if (code && e.leftOn) leftOnByCode.set(code, e.leftOn);
  }
  const push = (range: AssignmentRow) => {
    const left = leftOnByCode.get(range.managerCode);
    // Only a range that started before the leaving day is cut (a later one is a return).
    const to = left && range.from <= left && (range.to === null || range.to > left) ? left : range.to;
    if (to === null || range.from <= to) out.push({ ...range, to });
  };
  // A row starts on its 生效日期; else, when its manager was hired (入职日期) later in the row's
  // month, on that day; else, when the manager it takes the retailer over from left (调离日期)
  // within the row's month, on the day after; else on the 1st.
  const startOf = (row: { month: string; valid_from: string | null; manager_id: number | null }, predecessor: number | null) => {
    if (row.valid_from) return row.valid_from;
    const hired = row.manager_id === null ? null : (employment.get(row.manager_id)?.hiredOn ?? null);
    if (hired && hired.startsWith(row.month)) return hired;
    const left = predecessor === null || predecessor === row.manager_id ? null : (employment.get(predecessor)?.leftOn ?? null);
    if (left && left.startsWith(row.month) && addDays(left, 1).startsWith(row.month)) return addDays(left, 1);
    return `${row.month}-01`;
  };
  let first = 0;
  while (first < rows.length) {
    const retailerId = rows[first]?.retailer_id;
    let end = first;
    while (end < rows.length && rows[end]?.retailer_id === retailerId) end++;
    const own = rows.slice(first, end);
    first = end;
    const earliest = own[0];
    if (!earliest) continue;
    withRows.add(earliest.retailer_id);
    // Before the earliest row: the row imported first (the lowest id) holds.
    const imported = own.reduce((a, b) => (b.id < a.id ? b : a));
    const starts = own.map((row, i) => startOf(row, i === 0 ? imported.manager_id : (own[i - 1]?.manager_id ?? null)));
    const before = imported.manager_id === null ? undefined : codeOfManager.get(imported.manager_id);
    if (before) {
      push({ retailerId: earliest.retailer_id, managerCode: before, route: imported.route, from: '0000-01-01', to: addDays(starts[0] ?? `${earliest.month}-01`, -1) });
    }
    own.forEach((row, i) => {
      const code = row.manager_id === null ? undefined : codeOfManager.get(row.manager_id);
      if (!code) return;
      const next = starts[i + 1];
      push({ retailerId: row.retailer_id, managerCode: code, route: row.route, from: starts[i] ?? `${row.month}-01`, to: next === undefined ? null : addDays(next, -1) });
    });
  }
  for (const r of retailers) {
    if (!withRows.has(r.id) && r.manager_code) {
      push({ retailerId: r.id, managerCode: r.manager_code, route: r.route, from: '0000-01-01', to: null });
    }
  }
  return out;
}
