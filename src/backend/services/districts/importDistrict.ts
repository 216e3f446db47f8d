import type { Kysely } from 'kysely';
import type { KindKey } from '../../../shared/kindKeys';
import type { Database } from '../../db/schema';
import { TABLE_OF_KIND } from '../../db/kindTables';
import {
  claimBatchMasterRows,
  createDistrict,
  districtHasManagers,
  rowsOfOtherDistrictsChangedBy,
  type District,
  districtsOfManagerCodes,
  findDistrictByName,
  foreignRowsChangedBy,
  listDistricts,
  renameDistrict,
} from '../../repositories/districtRepository';
import { readSupervisor } from '../app/supervisor';
import { RequestError } from '../requestError';

/** The RequestError codes an import is refused with when its district cannot be told or is not its own. */
export const DISTRICT_REFUSALS: ReadonlySet<string> = new Set(['district_needed', 'unknown_district', 'several_districts_in_file', 'other_district']);

/** Kinds the whole city shares: one brand list and one work calendar, whichever district imports them. */
export const CITY_KINDS: ReadonlySet<KindKey> = new Set(['brands', 'calendar']);

/** The name a store's first district gets when nothing names it. */
const DEFAULT_DISTRICT_NAME = '本营销部';

/** Which district an import goes into: known, to be created, or told by the roster's 营销部 column. */
export type ImportDistrictPlan = { id: number; rename?: string } | { create: string } | { fromRoster: true };

function namesOf(districts: { name: string }[]): string {
  return districts.map((d) => `「${d.name}」`).join('、');
}

/**
 * Decides, before the rows are read, which district a file goes into:
 * - `requested` (`kaoping import --district NAME`, the import step's choice): that district,
 *   created when the store does not have it yet (only an explicit choice creates one);
 * - a roster: its 营销部/部门 column decides once the rows are read (settleRosterDistrict);
 * - any other file: the store's only district (the desktop); in a store without districts a
 *   new one named after the supervisor's unit, else 本营销部; in a store with several, refused:
 *   the file's district cannot be told from its rows.
 */
export async function planImportDistrict(db: Kysely<Database>, kind: KindKey, requested?: string | null): Promise<ImportDistrictPlan> {
  const name = requested?.trim();
  if (name) {
    const found = await findDistrictByName(db, name);
    return found ? { id: found.id } : { create: name };
  }
  if (kind === 'roster') return { fromRoster: true };
  const districts = await listDistricts(db);
  if (districts.length === 1 && districts[0]) return { id: districts[0].id };
  if (districts.length === 0) return { create: (await readSupervisor(db as Kysely<Database>))?.unit || DEFAULT_DISTRICT_NAME };
  throw new RequestError(
    'district_needed',
    `本库有 ${districts.length} 个营销部（${namesOf(districts)}），无法从这个文件看出它属于哪个营销部：请选择营销部后再导入（命令行：--district 名称）`,
  );
}

/**
 * A roster's district from what its rows say, when the import did not name one:
 * - people already in the store: their district (a district's roster imported again; a 营销部
 *   column may then name where someone was transferred to); people of several districts: refused;
 * - else the one 营销部 value in the file that names a district of the store;
 * - else, in a store without districts, the file's one 营销部 (without the column, or with
 *   several values, taken as the sub-units of one district: the supervisor's unit, else 本营销部), created;
 * - else, in a store with one district and a file without a 营销部 column, that district;
 * - otherwise refused, saying what to choose (several 营销部 in one new roster, an unknown
 *   营销部, or a store with several districts and nothing telling which).
 */
async function settleRosterDistrict(db: Kysely<Database>, departments: ReadonlySet<string>, codes: readonly string[]): Promise<ImportDistrictPlan> {
  const districts = await listDistricts(db);
  const known = new Set([...(await districtsOfManagerCodes(db, codes)).values()].filter((id): id is number => id !== null));
  if (known.size > 1) {
    const names = districts.filter((d) => known.has(d.id));
    throw new RequestError(
      'several_districts_in_file',
      `花名册里的客户经理属于 ${known.size} 个营销部（${namesOf(names)}）：请按营销部分开导入，或选择营销部后再导入（命令行：--district 名称）`,
    );
  }
  const [owner] = [...known];
  if (owner !== undefined) return { id: owner };
  const distinct = [...new Set([...departments].map((d) => d.trim()).filter((d) => d !== ''))].sort();
  const named = districts.filter((d) => distinct.includes(d.name));
  if (named.length === 1 && named[0]) return { id: named[0].id };
  // Files that came before any roster (orders, punches …) put their rows into a district named by
  // default: the first roster, the store's only district having nobody yet, names it as it would
  // have named a new one (without a 营销部 column, or with several sub-units, it keeps its name).
  const lone = districts.length === 1 ? districts[0] : undefined;
  if (lone !== undefined && !(await districtHasManagers(db, lone.id))) {
    return distinct.length === 1 && distinct[0] !== undefined ? { id: lone.id, rename: distinct[0] } : { id: lone.id };
  }
  // A store's first roster (the desktop's): several 部门 values are its sub-units, one district all the same.
  if (districts.length === 0 && distinct.length > 1) return { create: (await readSupervisor(db as Kysely<Database>))?.unit || DEFAULT_DISTRICT_NAME };
  if (distinct.length > 1) {
    throw new RequestError(
      'several_districts_in_file',
      `花名册里有 ${distinct.length} 个营销部（${namesOf(distinct.map((name) => ({ name })))}）：请按营销部分开导入，或选择营销部后再导入（命令行：--district 名称）`,
    );
  }
  const department = distinct[0];
  if (districts.length === 0) {
    return { create: department ?? ((await readSupervisor(db as Kysely<Database>))?.unit || DEFAULT_DISTRICT_NAME) };
  }
  if (department === undefined && districts.length === 1 && districts[0]) return { id: districts[0].id };
  if (department === undefined) {
    throw new RequestError(
      'district_needed',
      `本库有 ${districts.length} 个营销部（${namesOf(districts)}），这份花名册没有「营销部」列：请选择营销部后再导入（命令行：--district 名称）`,
    );
  }
  throw new RequestError(
    'unknown_district',
    `花名册的营销部「${department}」不是本库已有的营销部（${namesOf(districts)}）：若是新的营销部，请选择「${department}」导入（命令行：--district ${department}），将新建该营销部；若是已有的营销部，请选择它`,
  );
}

/** The district id a plan stands for, creating the district inside the import's transaction. */
async function districtIdOfPlan(db: Kysely<Database>, plan: { id: number; rename?: string } | { create: string }, now: Date): Promise<number> {
  if ('id' in plan) {
    if (plan.rename !== undefined) await renameDistrict(db, plan.id, plan.rename);
    return plan.id;
  }
  const existing = await findDistrictByName(db, plan.create);
  return existing ? existing.id : (await createDistrict(db, plan.create, now)).id;
}

/**
 * Settles an import's district at the end of its rows, inside its transaction: the roster's
 * district from its 营销部 column (when not known before), the master rows the batch created put
 * into it, and refused when the file changed another district's people or retailers (工号 and
 * 许可证号 are unique in the city: the same code in another district's file is a mistake or a
 * transfer, which that district's supervisor makes).
 */
export async function settleImportDistrict(
  db: Kysely<Database>,
  kind: KindKey,
  batchId: number,
  plan: ImportDistrictPlan,
  roster: { departments: ReadonlySet<string>; codes: readonly string[] },
  now: Date,
): Promise<District> {
  const settled = 'fromRoster' in plan ? await settleRosterDistrict(db, roster.departments, roster.codes) : plan;
  if ('fromRoster' in settled) throw new Error('a roster district must be settled from its rows');
  const districtId = await districtIdOfPlan(db, settled, now);
  await claimBatchMasterRows(db, batchId, districtId);
  const foreign = await foreignRowsChangedBy(db, batchId, districtId);
  const named = [...foreign.managers.map((c) => `工号 ${c}`), ...foreign.retailers.map((l) => `许可证号 ${l}`)];
  // Brands and the calendar are the city's: any district's file may change them.
  const other = CITY_KINDS.has(kind) ? null : await rowsOfOtherDistrictsChangedBy(db, TABLE_OF_KIND[kind], batchId, districtId);
  if (other && other.keys.length > 0) {
    throw new RequestError(
      'other_district',
      `文件里有与营销部「${other.district ?? ''}」已导入的数据相同的行（${other.keys.slice(0, 3).join('、')}${other.keys.length > 3 ? ' 等' : ''}），整个文件未导入：同一行只能属于一个营销部，请确认文件属于本营销部`,
    );
  }
  if (named.length > 0) {
    throw new RequestError(
      'other_district',
      `文件里有属于其他营销部的数据（${named.slice(0, 5).join('、')}${named.length > 5 ? ' 等' : ''}），整个文件未导入：请只导入本营销部的客户经理和零售户`,
    );
  }
  const district = (await listDistricts(db)).find((d) => d.id === districtId);
  if (!district) throw new Error(`district ${districtId} vanished inside the import`);
  return district;
}
