import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Journals with their manager and linked retailer, the columns every screen that prints a journal
 * needs (日志对照, evidence in the scorecard and the report); callers add filters and columns.
 */
export function selectJournalEntries(db: Kysely<Database>) {
  return db
    .selectFrom('journals as j')
    .innerJoin('managers as m', 'm.id', 'j.manager_id')
    .leftJoin('retailers as r', 'r.id', 'j.retailer_id')
    .select([
      'j.id',
      'j.date',
      'j.arrived_at',
      'j.content',
      'j.retailer_name',
      'j.retailer_ref',
      'm.code as managerCode',
      'm.name as managerName',
      'r.name as retailerName',
      'r.licence as retailerLicence',
    ]);
}

/** Weekly notes and monthly reports with their manager, as selectJournalEntries for journals. */
export function selectReportEntries(db: Kysely<Database>) {
  return db
    .selectFrom('reports as p')
    .innerJoin('managers as m', 'm.id', 'p.manager_id')
    .select(['p.id', 'p.kind', 'p.period', 'p.title', 'p.body', 'p.submitted_on', 'm.code as managerCode', 'm.name as managerName']);
}
