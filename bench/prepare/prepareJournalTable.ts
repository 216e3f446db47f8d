import { openStore } from '../../src/backend/db/openStore';
import { journalText, seededRandom } from '../../tests/unit/core/similarity/journalTexts';
import { BENCH_NOW } from '../benchClock';
import { numberParam, secondsSince, stringParam, type TaskParams, type TaskResult } from '../childProtocol';
import { removeDatabase } from './prepareStore';

const SURNAMES = Array.from('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程苏魏吕丁');
const GIVEN = Array.from('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华');
const SHOPS = ['便利店', '超市', '烟酒店', '副食店', '商行'];
/** A year of journals, so that sorting and filtering see more than one month. */
const MONTHS = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];

export function gridManagerName(index: number): string {
  return `${SURNAMES[index % SURNAMES.length]}${GIVEN[Math.floor(index / SURNAMES.length) % GIVEN.length]}${index >= SURNAMES.length * GIVEN.length ? index : ''}`;
}

/**
 * A journal table of `rows` entries written straight into a Kaoping database (schema by
 * openStore, rows by prepared inserts: importing a million journals from a workbook would
 * only slow the set-up down). Managers and retailers exist so that the grid's joins find names.
 */
export async function prepareJournalTable(params: TaskParams): Promise<TaskResult> {
  const db = stringParam(params, 'db');
  const rows = numberParam(params, 'rows');
  const managerCount = numberParam(params, 'managers');
  const retailerCount = numberParam(params, 'retailers');
  removeDatabase(db);
  const started = performance.now();
  const store = await openStore(db);
  const sqlite = store.sqlite;
  // Set-up only: nothing here needs to survive a power cut.
  sqlite.pragma('synchronous = OFF');
  const random = seededRandom(20261103);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  try {
    sqlite.exec('BEGIN');
    const batch = sqlite
      .prepare(`insert into import_batches (file_name, sha256, kind, imported_at) values ('bench-journals.xlsx', 'bench', 'journals', ?)`)
      .run(BENCH_NOW.toISOString()).lastInsertRowid;
    const insertManager = sqlite.prepare(
      `insert into managers (nk, code, name, department, status, created_batch_id, batch_id) values (?, ?, ?, '临河营销部', '在岗', ?, ?)`,
    );
    for (let m = 0; m < managerCount; m++) {
      const code = `LH${String(m + 1).padStart(3, '0')}`;
      insertManager.run(code, code, gridManagerName(m), batch, batch);
    }
    const insertRetailer = sqlite.prepare(
      `insert into retailers (nk, licence, name, tier, route, manager_code, status, created_batch_id, batch_id) values (?, ?, ?, ?, ?, ?, '正常', ?, ?)`,
    );
    for (let r = 0; r < retailerCount; r++) {
      const licence = String(370902100000 + r);
      const manager = r % managerCount;
      const name = `${pick(SURNAMES)}记${pick(SHOPS)}${r}`;
      insertRetailer.run(licence, licence, name, 1 + (r % 30), `L${manager}`, `LH${String(manager + 1).padStart(3, '0')}`, batch, batch);
    }
    const insertJournal = sqlite.prepare(
      `insert into journals (nk, date, manager_id, retailer_id, retailer_ref, retailer_name, arrived_at, left_at, method, content, problems, actions, price_marked, display_ok, violation, created_batch_id, batch_id)
       values (?, ?, ?, ?, ?, ?, ?, ?, '实地拜访', ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let j = 0; j < rows; j++) {
      const month = MONTHS[j % MONTHS.length] as string;
      const date = `${month}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
      const retailer = Math.floor(random() * retailerCount);
      const managerId = 1 + (retailer % managerCount);
      const linked = random() < 0.9;
      const hour = 8 + Math.floor(random() * 9);
      const problem = random() < 0.1 ? '价签缺失' : '无';
      insertJournal.run(
        `${managerId}|${date}|${j}`,
        date,
        managerId,
        linked ? retailer + 1 : null,
        String(370902100000 + retailer),
        linked ? null : `零售户${retailer}`,
        `${hour}:10`,
        `${hour}:40`,
        journalText(random),
        problem,
        problem === '无' ? null : '已提醒整改',
        random() < 0.95 ? 1 : 0,
        random() < 0.9 ? 1 : 0,
        random() < 0.01 ? '私烟' : '无',
        batch,
        batch,
      );
    }
    sqlite.exec('COMMIT');
    return { seconds: secondsSince(started), rows };
  } finally {
    await store.close();
  }
}
