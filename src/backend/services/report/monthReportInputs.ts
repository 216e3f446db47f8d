import type { EvidenceRef } from '../../../core/measures/dimensions';
import type { MonthEvaluation } from '../../../core/measures/monthEvaluation';
import type { EvidenceDetail } from '../../../core/report/reportInput';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { transact } from '../../db/transact';
import { managersAsOf, retailersAsOf } from '../evaluation/masterAsOf';
import type { MonthSnapshot } from '../evaluation/monthSnapshot';
import { readSupervisor, type Supervisor } from '../app/supervisor';
import { loadEvidence } from './loadEvidence';

/** What a month's report reads beyond the snapshot: the evidence rows' details, the departments and who signs. */
export interface ReportInputs {
  evidence: EvidenceDetail[];
  departments: (string | null)[];
  /**
   * The 考核人 line: frozen with a finalized month, so that naming another supervisor later does not
   * re-sign a signed report. Absent in freezes written before it was kept (then read live).
   */
  supervisor?: Supervisor | null;
}

/**
 * The report inputs of a month: a finalized month's as frozen when it was finalized (frozen now,
 * once, when it was finalized before reports were frozen), so that its report reproduces cell
 * for cell whatever files arrive later; a draft month's read from the store, with the shop and
 * manager names and departments as they held in the month.
 */
export async function monthReportInputs(db: Kysely<Database>, snapshot: MonthSnapshot, now: Date): Promise<ReportInputs> {
  if (snapshot.status !== 'final') return liveReportInputs(db, snapshot.month, snapshot.evaluation);
  const frozen = await db
    .selectFrom('report_freezes')
    .select('inputs_json')
    .where('month', '=', snapshot.month)
    .where('district_id', '=', snapshot.districtId)
    .executeTakeFirst();
  if (frozen) return JSON.parse(frozen.inputs_json) as ReportInputs;
  // Inside a transaction (the caller's work) the freeze joins it.
  return transact(db, (trx) => freezeReportInputs(trx, snapshot.month, snapshot.evaluation, now, snapshot.districtId));
}

/** Freezes a month's report inputs as they read now (when the month is finalized). */
export async function freezeReportInputs(db: Kysely<Database>, month: string, evaluation: MonthEvaluation, now: Date, districtId: number): Promise<ReportInputs> {
  const inputs = await liveReportInputs(db, month, evaluation);
  await db
    .insertInto('report_freezes')
    .values({ month, frozen_at: now.toISOString(), inputs_json: JSON.stringify(inputs), district_id: districtId })
    .onConflict((oc) => oc.columns(['district_id', 'month']).doUpdateSet({ frozen_at: now.toISOString(), inputs_json: JSON.stringify(inputs) }))
    .execute();
  return inputs;
}

/** A reopened month reads the store again; it is frozen anew when finalized again. */
export async function thawReportInputs(db: Kysely<Database>, month: string, districtId: number): Promise<void> {
  await db.deleteFrom('report_freezes').where('month', '=', month).where('district_id', '=', districtId).execute();
}

async function liveReportInputs(db: Kysely<Database>, month: string, evaluation: MonthEvaluation): Promise<ReportInputs> {
  const evidence = await loadEvidence(db, evidenceRefs(evaluation));
  const codes = evaluation.managers.map((m) => m.code);
  const managers = await db.selectFrom('managers').select(['id', 'code', 'name', 'department']).execute();
  const managerVersions = await managersAsOf(db, month);
  const asOfManager = new Map(
    managers.map((m) => {
      const v = managerVersions.get(m.id);
      return [m.code, { name: v?.name ?? m.name, department: v ? v.department : m.department }] as const;
    }),
  );
  const retailers = await db.selectFrom('retailers').select(['id', 'licence', 'name']).execute();
  const retailerVersions = await retailersAsOf(db, month);
  const shopName = new Map(retailers.map((r) => [r.licence, retailerVersions.get(r.id)?.name ?? r.name] as const));
  return {
    // The report prints the Chinese text and note; the parts they were said from are the screen's.
    evidence: evidence.map(({ textParts: _text, noteParts: _note, ...d }) => ({
      ...d,
      managerName: d.managerCode ? (asOfManager.get(d.managerCode)?.name ?? d.managerName) : d.managerName,
      retailerName: d.retailerLicence ? (shopName.get(d.retailerLicence) ?? d.retailerName) : d.retailerName,
    })),
    departments: codes.map((c) => asOfManager.get(c)?.department ?? null),
    supervisor: await readSupervisor(db),
  };
}

/** Every row a flag or a near-copy pair points at, including both texts of each pair. */
function evidenceRefs(evaluation: MonthEvaluation): EvidenceRef[] {
  const refs: EvidenceRef[] = [];
  for (const manager of evaluation.managers) {
    for (const flag of manager.flags) {
      refs.push(...flag.evidence);
      const kind = flag.type === 'records.report_copy' ? 'reports' : 'journals';
      for (const pair of flag.pairs ?? []) refs.push({ kind, id: pair.aId }, { kind, id: pair.bId });
    }
    refs.push(...(manager.veto?.evidence ?? []));
  }
  for (const pair of evaluation.nearCopyPairs) refs.push({ kind: pair.kind, id: pair.aId }, { kind: pair.kind, id: pair.bId });
  return refs;
}
