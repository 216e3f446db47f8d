import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/runCli';
import { tempDir } from '../../helpers/tempDir';

const dir = tempDir();

describe('kaoping CLI', () => {
  it('demo, import, import again, stats and evaluate --json, as the README says', async () => {
    const out = path.join(dir, 'd');
    const db = path.join(dir, 'x.sqlite');
    const demo = await runCli(['demo', '--out', out, '--seed', '7']);
    expect(demo.code, demo.stderr).toBe(0);
    // As the shell expands d/*: dotfiles (the demo's manifest) are not included.
    const files = fs.readdirSync(out).filter((f) => !f.startsWith('.')).map((f) => path.join(out, f));
    expect(files.length).toBeGreaterThanOrEqual(12);

    const first = await runCli(['import', '--db', db, '--json', ...files]);
    expect(first.code, first.stderr).toBe(0);
    const reports = JSON.parse(first.stdout) as { kind: string; status: string; counts: { inserted: number } }[];
    expect(new Set(reports.map((r) => r.kind))).toEqual(
      new Set(['roster', 'retailers', 'brands', 'calendar', 'journals', 'attendance', 'reports', 'surveys', 'orders', 'agreements', 'inspections', 'spotchecks']),
    );
    const stats1 = JSON.parse((await runCli(['stats', '--db', db, '--json'])).stdout) as { counts: Record<string, number>; batches: unknown[] };
    for (const n of Object.values(stats1.counts)) expect(n).toBeGreaterThan(0);

    const second = await runCli(['import', '--db', db, '--json', ...files]);
    expect(second.code, second.stderr).toBe(0);
    for (const r of JSON.parse(second.stdout) as { counts: { inserted: number; updated: number } }[]) {
      expect(r.counts).toMatchObject({ inserted: 0, updated: 0 });
    }
    const stats2 = JSON.parse((await runCli(['stats', '--db', db, '--json'])).stdout) as { counts: Record<string, number> };
    expect(stats2.counts).toEqual(stats1.counts);

    const evaluated = await runCli(['evaluate', '--db', db, '--month', '2026-10', '--json']);
    expect(evaluated.code, evaluated.stderr).toBe(0);
    const result = JSON.parse(evaluated.stdout) as {
      month: string;
      workdays: number;
      scheme: string;
      managers: { code: string; dimensions: Record<string, { score: number | null; weight: number }>; flags: { type: string }[] }[];
    };
    expect(result).toMatchObject({ month: '2026-10', workdays: 18, scheme: '默认方案' });
    expect(Object.keys(result.managers[0]?.dimensions ?? {})).toEqual([
      'sales', 'attendance', 'records', 'knowledge', 'brand', 'order', 'fulfilment', 'evaluation',
    ]);
  }, 300_000);

  it('exit codes: 1 when a file is refused (reason on stderr), 2 on usage errors', async () => {
    const db = path.join(dir, 'y.sqlite');
    const bad = path.join(dir, '说明.docx');
    fs.writeFileSync(bad, 'not a spreadsheet');
    const refused = await runCli(['import', '--db', db, bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('说明.docx');
    expect((await runCli(['import', '--db', db])).code).toBe(2);
    expect((await runCli(['import', '--db', db, '--kind', 'nonsense', bad])).code).toBe(2);
    expect((await runCli(['frobnicate'])).code).toBe(2);
    const undo = await runCli(['undo', '99', '--db', db]);
    expect(undo.code).toBe(1);
    expect(undo.stderr).toContain('99');
  }, 120_000);
});
