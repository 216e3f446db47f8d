import type { Kysely } from 'kysely';
import type { SchemeSummaryDto } from '../../../shared/api/settingsApi';
import type { Database } from '../../db/schema';
import { listSchemes } from '../../repositories/schemeRepository';

/** Every stored scheme version with the months whose evaluation uses it (newest month first). */
export async function schemeSummaries(db: Kysely<Database>): Promise<SchemeSummaryDto[]> {
  const schemes = await listSchemes(db);
  const uses = await db.selectFrom('evaluations').select(['scheme_id', 'month']).orderBy('month', 'desc').execute();
  const monthsById = new Map<number, string[]>();
  for (const u of uses) monthsById.set(u.scheme_id, [...(monthsById.get(u.scheme_id) ?? []), u.month]);
  return schemes.map((s) => ({ ...s, months: monthsById.get(s.id) ?? [] }));
}
