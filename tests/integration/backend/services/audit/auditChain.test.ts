// SQLite only (not in vitest.config.mts's postgres project): tampers with the database file through better-sqlite3 (PostgreSQL: postgresMigrations tests the triggers).
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRowHash, type AuditRowContent } from '../../../../../src/backend/db/auditRowHash';
import { openStore } from '../../../../../src/backend/db/openStore';
import { migrationProvider } from '../../../../../src/backend/db/migrations/migrationList';
import { createHandlers } from '../../../../../src/backend/handlers';
import { appendAudit } from '../../../../../src/backend/repositories/auditLogRepository';
import { verifyAuditChain } from '../../../../../src/backend/services/audit/verifyAuditChain';
import { evaluateStoredMonth } from '../../../../../src/backend/services/evaluation/evaluateStoredMonth';
import { exportMonthReport } from '../../../../../src/backend/services/report/exportMonthReport';
import { runCli } from '../../../../helpers/runCli';
import { tempDir } from '../../../../helpers/tempDir';
import { buildReportDistrict, MONTH } from '../../../../helpers/reportDistrict';

const dir = tempDir('kaoping-audit-');
const base = path.join(dir, 'base.sqlite');
const ROWS = 5;

const entry = (i: number) => ({
  at: `2026-11-0${i}T08:00:00.000Z`,
  who: '主管甲',
  entity: 'evaluation',
  entityId: `2026-10/LH00${i}`,
  field: 'dimension.records',
  oldValue: String(60 + i),
  newValue: String(70 + i),
  reason: `复核 ${i}`,
});

beforeAll(async () => {
  const store = await openStore(base);
  for (let i = 1; i <= ROWS; i++) await appendAudit(store.db, entry(i));
  store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await store.close();
});

/** A copy of the base database, opened with the sqlite library only (no Kaoping code in the way). */
function tamperedCopy(name: string, tamper: (raw: BetterSqlite3.Database) => void): string {
  const file = path.join(dir, `${name}.sqlite`);
  fs.copyFileSync(base, file);
  const raw = new BetterSqlite3(file);
  tamper(raw);
  raw.close();
  return file;
}

async function check(file: string) {
  const store = await openStore(file);
  try {
    return await verifyAuditChain(store.db);
  } finally {
    await store.close();
  }
}

const dropTriggers = (raw: BetterSqlite3.Database) => {
  for (const t of ['audit_log_no_update', 'audit_log_no_delete', 'audit_log_append_only']) raw.exec(`drop trigger if exists ${t}`);
};

describe('the audit log refuses rewriting inserts', () => {
  it('INSERT OR REPLACE of an existing id, an insert below the last id, and an insert without a hash are refused', () => {
    tamperedCopy('refusals', (raw) => {
      const row = "'2026-11-09T00:00:00Z', '伪造', 'evaluation', '2026-10', 'status', 'final', 'draft', null";
      expect(() => raw.exec(`insert or replace into audit_log(id, at, who, entity, entity_id, field, old_value, new_value, reason, hash) values (1, ${row}, 'x')`)).toThrow(/append-only/);
      expect(() => raw.exec(`insert or replace into audit_log(id, at, who, entity, entity_id, field, old_value, new_value, reason, hash) values (${ROWS}, ${row}, 'x')`)).toThrow(/append-only/);
      expect(() => raw.exec(`insert into audit_log(id, at, who, entity, entity_id, field, old_value, new_value, reason, hash) values (0, ${row}, 'x')`)).toThrow(/append-only/);
      expect(() => raw.exec(`insert into audit_log(at, who, entity, entity_id, field, old_value, new_value, reason) values (${row})`)).toThrow(/append-only/);
      expect(() => raw.exec(`update audit_log set reason = 'x' where id = 2`)).toThrow(/append-only/);
      expect(() => raw.exec(`delete from audit_log where id = 2`)).toThrow(/append-only/);
      const first = raw.prepare('select who, new_value from audit_log where id = 1').get();
      expect(first).toEqual({ who: '主管甲', new_value: '71' });
    });
  });
});

describe('audit verify finds the first broken row', () => {
  it('an untouched log is intact', async () => {
    expect(await check(base)).toEqual({ intact: true, rows: ROWS, brokenAt: null, message: `审计记录完整（共 ${ROWS} 条）` });
    const cli = await runCli(['audit', 'verify', '--db', base]);
    expect(cli).toMatchObject({ code: 0, stdout: `审计记录完整（共 ${ROWS} 条）\n` });
  });

  it('a rewritten row (triggers dropped)', async () => {
    const file = tamperedCopy('rewritten', (raw) => {
      dropTriggers(raw);
      raw.exec(`update audit_log set new_value = '99' where id = 3`);
    });
    expect(await check(file)).toMatchObject({ intact: false, brokenAt: 3, message: expect.stringContaining('第 3 条的内容或校验值与记录链不符') });
    const cli = await runCli(['audit', 'verify', '--db', file]);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('审计记录不完整：第 3 条');
  });

  it('a rewritten row whose own hash was recomputed still breaks the next link', async () => {
    const file = tamperedCopy('rehashed', (raw) => {
      dropTriggers(raw);
      const previous = (raw.prepare('select hash from audit_log where id = 1').get() as { hash: string }).hash;
      const row = raw.prepare('select * from audit_log where id = 2').get() as AuditRowContent;
      const forged = { ...row, new_value: '99' };
      raw.prepare('update audit_log set new_value = ?, hash = ? where id = 2').run('99', auditRowHash(previous, forged));
    });
    expect(await check(file)).toMatchObject({ intact: false, brokenAt: 3 });
  });

  it('a row deleted in the middle, and the last row deleted', async () => {
    const middle = tamperedCopy('deleted', (raw) => {
      dropTriggers(raw);
      raw.exec('delete from audit_log where id = 2');
    });
    expect(await check(middle)).toMatchObject({ intact: false, brokenAt: 3, message: expect.stringContaining('之前的记录（第 2 条）被删除') });
    const tail = tamperedCopy('tail', (raw) => {
      dropTriggers(raw);
      raw.exec(`delete from audit_log where id = ${ROWS}`);
    });
    expect(await check(tail)).toMatchObject({ intact: false, brokenAt: ROWS, message: expect.stringContaining('被删除') });
  });

  it('a forged row appended with a made-up hash, and one forged in place of a deleted row', async () => {
    const appended = tamperedCopy('forged', (raw) => {
      raw
        .prepare('insert into audit_log(id, at, who, entity, entity_id, field, old_value, new_value, reason, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(ROWS + 1, '2026-11-09T00:00:00Z', '主管甲', 'evaluation', '2026-10', 'status', 'final', 'draft', '伪造', 'a'.repeat(64));
    });
    expect(await check(appended)).toMatchObject({ intact: false, brokenAt: ROWS + 1 });
    const replaced = tamperedCopy('replaced', (raw) => {
      dropTriggers(raw);
      const hash = (raw.prepare('select hash from audit_log where id = 4').get() as { hash: string }).hash;
      raw.exec('delete from audit_log where id = 4');
      raw
        .prepare('insert into audit_log(id, at, who, entity, entity_id, field, old_value, new_value, reason, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(4, '2026-11-04T08:00:00.000Z', '主管乙', 'evaluation', '2026-10/LH004', 'dimension.records', '64', '100', '复核 4', hash);
    });
    expect(await check(replaced)).toMatchObject({ intact: false, brokenAt: 4 });
  });

  it('the app says so at start (app.info)', async () => {
    const file = tamperedCopy('app', (raw) => {
      dropTriggers(raw);
      raw.exec(`update audit_log set who = '别人' where id = 1`);
    });
    const store = await openStore(file);
    const handlers = createHandlers({ store, now: () => new Date('2026-11-10T00:00:00Z'), workDir: dir });
    try {
      const info = await handlers['app.info']({}, { emit: () => undefined });
      expect(info.audit).toMatchObject({ intact: false, brokenAt: 1 });
    } finally {
      await handlers.close();
      await store.close();
    }
  });
});

describe('migration 0007 hashes the rows written before it', () => {
  it('old rows get a chain, new rows continue it', async () => {
    const file = path.join(dir, 'old.sqlite');
    const raw = new BetterSqlite3(file);
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
    const migrated = await new Migrator({ db, provider: migrationProvider }).migrateTo('0006_retailer_month_orders');
    expect(migrated.error).toBeUndefined();
    for (let i = 1; i <= 3; i++) {
      raw.prepare(`insert into audit_log(at, who, entity, entity_id, field, old_value, new_value, reason) values (?, 'u', 'calendar', ?, 'workday', '工作日', '休息日', null)`).run(`2026-10-0${i}`, `2026-10-0${i}`);
    }
    await db.destroy();
    const store = await openStore(file, { backupBeforeMigrate: false });
    try {
      expect(await verifyAuditChain(store.db)).toMatchObject({ intact: true, rows: 3 });
      await appendAudit(store.db, entry(4));
      expect(await verifyAuditChain(store.db)).toMatchObject({ intact: true, rows: 4 });
    } finally {
      await store.close();
    }
  });
});

describe('the report states the audit log', () => {
  let district: Awaited<ReturnType<typeof buildReportDistrict>>;
  beforeAll(async () => {
    fs.mkdirSync(path.join(dir, 'report'));
    district = await buildReportDistrict(path.join(dir, 'report'));
    await evaluateStoredMonth(district.store, MONTH, { now: new Date('2026-11-03T01:00:00Z') });
  }, 120_000);
  afterAll(async () => district?.store.close());

  async function summaryTexts(out: string): Promise<string[]> {
    await exportMonthReport(district.store, MONTH, out, { now: new Date('2026-11-05T08:00:00Z') });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const texts: string[] = [];
    wb.getWorksheet('汇总')?.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    return texts;
  }

  it('审计记录完整 when intact, and where it was broken when not', async () => {
    await appendAudit(district.store.db, entry(1));
    expect((await summaryTexts(path.join(dir, 'intact.xlsx'))).some((t) => t.endsWith('　审计记录完整（共 1 条）'))).toBe(true);
    district.store.sqlite.exec('drop trigger audit_log_no_update');
    district.store.sqlite.exec(`update audit_log set reason = '改过' where id = 1`);
    const texts = await summaryTexts(path.join(dir, 'broken.xlsx'));
    expect(texts.some((t) => t.includes('　审计记录不完整：第 1 条'))).toBe(true);
  });
});
