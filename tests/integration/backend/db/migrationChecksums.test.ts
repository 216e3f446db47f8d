import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrationProvider } from '../../../../src/backend/db/migrations/migrationList';

/**
 * A committed migration is frozen: databases in the field have run it, and editing it would give
 * them a schema that no fresh install has. Each one's content is pinned here; a new migration adds
 * its pin in the commit that adds it, and no pin ever changes.
 */
const PINNED: Record<string, string> = {
  '0001_initial': '60316dcfeab403d0dac4d3ea4f3f07c5833d05fd13fb24f00fd6b29376343474',
  '0002_evaluations': '531e1eb5e1b975357c76102e2ba478f6e6e2780f3cab6afcabf7126a46fab830',
  '0003_workbench': 'c60c5bb732619881faf678e6e0608e50fdbfcc704d2d5ed2c0a87d1bae7e1279',
  '0004_entry_comments': 'cf9ddab0a83cb189c4edae7aab89e6b36398c0e7071008f816f2955d03599a22',
  '0005_order_month_cache': 'cd5651bb889c295737456b1e9e71d2dad2721c18b94ce6e1734e96c6f9044fba',
  '0006_retailer_month_orders': 'e4ae2026fb6ddf8446c03210437e2754f826ee54ff6b0f89b909efd08bdc7067',
  '0007_audit_chain': '7e91458345428a6f3d0e777c5dc5570620c6ab694f2a655d69e1821133dcc0b4',
  '0008_verdicts': '427f8fcbc444eaa1cf7d6a2531c653815d3320ea0ec46b3ab9d13cc95c2d1034',
  '0009_master_history': '832879bc6059852aaad88d1ff3f869d15ef04b741ef5cc403ec95f02868178d9',
  '0010_punch_source_order_number': 'd5b4901f879c1746d5db63a85816a2c067ca50f5ca65f6d9d578fac1513d68b4',
  '0013_orders_batch_index': '302792b07d698f52c6622ab1ebcf1e91dab14d809e65b92fcc4863debc6143f2',
  '0014_districts': '6a8c7e3fcfbaad7c545d3b0d416f95a9a3634ef28d56a31234db130733c2a9c5',
  '0015_accounts': 'f0158bf354350bb37280f08fbb75d13558385f32289f452f9dc242ac8a837cd7',
  '0016_journal_copy_cache': '4be0511cea454ca3600139666745679e8c9e6b8666a7b6a377eb9c09d3065928',
  '0019_postgres_float_sum': '40bac56a7b7ec600ca15c42aeeb9a710d8fb8e30e2155183b443760935bbd05d',
  '0022_saved_mapping_district': '9a2086076daf1a339b243531fea90ca7611f882992e7e2a121f83d94d404118e',
  '0024_orders_month_lines_index': 'f107b5f575053985de20ae601dd0d9778d70a970dc1a1d3abc8cb3295d2f5638',
  '0026_journal_copy_cache_per_district': 'b122c3e0247918399cf3149222af73892c5a3812d7eef0f1d43183b26a40bfcd',
};

const folder = 'src/backend/db/migrations';

/** sha256 of the file with line endings as committed (a Windows checkout may turn them into CRLF). */
function checksum(name: string): string {
  const text = fs.readFileSync(path.join(folder, `${name}.ts`), 'utf8').replace(/\r\n/g, '\n');
  return createHash('sha256').update(text).digest('hex');
}

describe('committed migrations are frozen', () => {
  it('lists every migration file, in name order, and nothing else', async () => {
    const listed = Object.keys(await migrationProvider.getMigrations());
    const files = fs
      .readdirSync(folder)
      .filter((f) => /^\d{4}_.*\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''));
    expect(listed).toEqual([...files].sort());
  });

  it('pins each one, and each file still has its pinned content', async () => {
    const listed = Object.keys(await migrationProvider.getMigrations());
    expect(Object.keys(PINNED)).toEqual(listed);
    for (const name of listed) expect(checksum(name), `${name} was edited after it was committed`).toBe(PINNED[name]);
  });
});
