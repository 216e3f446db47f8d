import type { EvidenceDto, EvidenceRefDto } from '../../../shared/api/evaluationApi';
import type { Store } from '../../db/openStore';
import { loadEvidence } from '../report/loadEvidence';

/** Ids per query, as in loadEvidence: well below the bound-parameter limits. */
const CHUNK = 500;

/**
 * The rows a flag or metric points at, in the order asked for (repeats dropped), reduced as the
 * report reduces them; punches also carry where they were made, for the evidence map. Rows that
 * no longer exist (an undone import) are absent.
 */
export async function evidenceDtos(store: Store, refs: readonly EvidenceRefDto[]): Promise<EvidenceDto[]> {
  const details = await loadEvidence(store.db, refs);
  const byKey = new Map<string, EvidenceDto>(details.map((d) => [`${d.kind}#${d.id}`, { ...d }]));
  const punchIds = details.filter((d) => d.kind === 'attendance').map((d) => d.id);
  for (let start = 0; start < punchIds.length; start += CHUNK) {
    const rows = await store.db
      .selectFrom('attendance')
      .select(['id', 'latitude', 'longitude'])
      .where('id', 'in', punchIds.slice(start, start + CHUNK))
      .execute();
    for (const row of rows) {
      const dto = byKey.get(`attendance#${row.id}`);
      if (dto) Object.assign(dto, { lat: row.latitude, lng: row.longitude });
    }
  }
  const ordered: EvidenceDto[] = [];
  for (const ref of refs) {
    const key = `${ref.kind}#${ref.id}`;
    const dto = byKey.get(key);
    if (!dto) continue;
    ordered.push(dto);
    byKey.delete(key);
  }
  return ordered;
}
