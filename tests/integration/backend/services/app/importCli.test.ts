// SQLite only (not in vitest.config.mts's postgres project): runs the CLI on a database file and reopens it with openStore (cliImportPostgres covers the CLI on PostgreSQL).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeAmbiguous, writeMasters, writeOrderView, writePhoneList } from '../../../../helpers/importCorpus';
import { openStore } from '../../../../../src/backend/db/openStore';
import { saveSupervisor } from '../../../../../src/backend/services/app/supervisor';
import { runCli } from '../../../../helpers/runCli';
import { tempDir } from '../../../../helpers/tempDir';

/** What `kaoping import` says and does with files it must not guess about, and with --dry-run. */
describe('kaoping import', () => {
  const dir = tempDir();
  const db = path.join(dir, 'kaoping.sqlite');

  function snapshot(): string {
    const sqlite = new Database(db, { readonly: true });
    try {
      const tables = ['managers', 'retailers', 'brands', 'assignments', 'import_batches', 'row_history'];
      return JSON.stringify(tables.map((t) => sqlite.prepare(`select * from ${t} order by id`).all()));
    } finally {
      sqlite.close();
    }
  }

  beforeAll(async () => {
    const masters = await writeMasters(dir);
    const run = await runCli(['import', '--db', db, masters.roster, masters.retailers, masters.brands]);
    expect(run.code, run.stderr).toBe(0);
  });

  it('--dry-run lists the changes old → new and writes nothing', async () => {
    const before = snapshot();
    const run = await runCli(['import', '--db', db, '--dry-run', writePhoneList(dir)]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('试运行，未写入任何数据');
    expect(run.stdout).toContain('更新 1');
    expect(run.stdout).toContain('LH001 张伟：手机 13800000001 → 13911112222');
    expect(snapshot()).toBe(before);
  });

  it('refuses an unclear file with exit 1, the candidates with the Chinese headers they lack, and the --kind hint', async () => {
    const before = snapshot();
    const view = await runCli(['import', '--db', db, await writeOrderView(dir)]);
    expect(view.code).toBe(1);
    expect(view.stderr).toContain('可能是 orders（订单明细），缺少：订货日期（列名如：订单日期、订货日期、日期）');
    expect(view.stderr).toContain('可能是 brands（品规目录）');
    expect(view.stderr).toContain('--kind');
    const ambiguous = await runCli(['import', '--db', db, writeAmbiguous(dir)]);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain('同样符合几种数据');
    expect(snapshot()).toBe(before);
  });

  it('speaks Chinese for usage errors, undo -1 included', async () => {
    const undo = await runCli(['undo', '-1', '--db', db]);
    expect(undo.code).toBe(2);
    expect(undo.stderr).toContain('批次编号必须是正整数，收到「-1」');
    const unknown = await runCli(['import', '--db', db, '--bogus', 'x.csv']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('未知选项「--bogus」');
    expect(unknown.stderr).not.toMatch(/Unknown option|Commands:/);
    const demo = await runCli(['demo', '--out', path.join(dir, 'demo'), '--months', '1']);
    expect(demo.code).toBe(2);
    expect(demo.stderr).toContain('--months 至少为 2，收到 1');
    expect(fs.existsSync(db)).toBe(true);
  });

  it('records on each batch who imported: --by, else KAOPING_USER, else the supervisor of 设置 › 常规, never the login name', async () => {
    const phones = writePhoneList(dir);
    const runs = [
      await runCli(['import', '--db', db, '--by', '张明', phones], { KAOPING_USER: '李华' }),
      await runCli(['import', '--db', db, phones], { KAOPING_USER: '李华' }),
      await runCli(['import', '--db', db, phones], { KAOPING_USER: '' }),
    ];
    const store = await openStore(db);
    await saveSupervisor(store.db, { name: '王科长', unit: '临河营销部' }, new Date('2026-11-02T01:00:00Z'));
    await store.close();
    runs.push(await runCli(['import', '--db', db, phones], { KAOPING_USER: '' }));
    for (const run of runs) expect(run.code, run.stderr).toBe(0);

    const stats = await runCli(['stats', '--db', db, '--json']);
    // Newest first, as the import history lists them.
    const batches = (JSON.parse(stats.stdout) as { batches: { id: number; importedBy: string | null }[] }).batches.reverse();
    expect(batches.slice(-4).map((b) => b.importedBy)).toEqual(['张明', '李华', '（未填写考核人）', '王科长']);
    expect(batches.map((b) => b.importedBy)).not.toContain(os.userInfo().username);
    const text = await runCli(['stats', '--db', db]);
    expect(text.stdout).toMatch(new RegExp(`#${batches.at(-1)!.id} \\S+ 王科长 roster 手机号\\.csv`));
  });
});
