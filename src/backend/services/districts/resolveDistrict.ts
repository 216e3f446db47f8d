import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { listDistricts } from '../../repositories/districtRepository';
import { RequestError } from '../requestError';

/** A district a request names: its id, or its name (营销部名称). */
export type DistrictChoice = number | string;

function namesOf(districts: { name: string }[]): string {
  return districts.map((d) => `「${d.name}」`).join('、');
}

/**
 * The district a read or write of one district's month works on: the one named, else the
 * store's only district (the desktop: one supervisor, one district). Null when the store has no
 * district yet (nothing imported: there is nothing to read either). Refuses, naming the
 * districts, when the store has several and none is named, or when the named one is unknown.
 */
export async function resolveDistrict(db: Kysely<Database>, choice?: DistrictChoice | null): Promise<number | null> {
  const districts = await listDistricts(db);
  if (choice === undefined || choice === null || choice === '') {
    if (districts.length <= 1) return districts[0]?.id ?? null;
    throw new RequestError('district_needed', `本库有 ${districts.length} 个营销部（${namesOf(districts)}），请指明营销部（命令行：--district 名称）`);
  }
  const found = districts.find((d) => (typeof choice === 'number' ? d.id === choice : d.name === choice.trim()));
  if (found) return found.id;
  throw new RequestError(
    'unknown_district',
    districts.length === 0 ? `没有名为「${String(choice)}」的营销部：本库还没有任何营销部` : `没有名为「${String(choice)}」的营销部（本库的营销部：${namesOf(districts)}）`,
  );
}
