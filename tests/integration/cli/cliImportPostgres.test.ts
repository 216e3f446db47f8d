import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshPostgresDatabase, postgresSkipReason, postgresTestUrl } from '../../helpers/postgresTestDatabase';
import { runCli } from '../../helpers/runCli';
import { tempDir } from '../../helpers/tempDir';

const pgUrl = postgresTestUrl();

/** `kaoping import|undo --db postgres://…`: the same commands and words as on a SQLite file. */
describe.skipIf(!pgUrl)(`kaoping import into PostgreSQL${postgresSkipReason()}`, () => {
  let files: string[];
  let url: string;
  let sqliteFile: string;
  const fileOf = (prefix: string) => files.find((f) => path.basename(f).startsWith(prefix)) as string;

  beforeAll(async () => {
    const dir = tempDir('kaoping-cli-pg-');
    // The demo district's files, written by `kaoping demo` (one path a line, then a summary).
    const written = await runCli(['demo', '--out', path.join(dir, 'demo'), '--seed', '3', '--months', '2']);
    files = written.stdout.split('\n').filter((line) => line.startsWith('/'));
    url = await freshPostgresDatabase(pgUrl as string);
    sqliteFile = path.join(dir, 'kaoping.sqlite');
  }, 240_000);

  it('imports, dry-runs and undoes as on SQLite, printing the same lines', async () => {
    const master = [fileOf('客户经理花名册'), fileOf('品规目录')];
    const onPg = await runCli(['import', '--db', url, '--by', '张三', ...master]);
    const onLite = await runCli(['import', '--db', sqliteFile, '--by', '张三', ...master]);
    expect(onPg.stderr).toBe('');
    expect(onPg.code).toBe(0);
    expect(onPg.stdout).toBe(onLite.stdout);
    expect(onPg.stdout).toContain('新增 31');

    const dry = await runCli(['import', '--db', url, '--dry-run', fileOf('零售客户档案')]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('试运行，未写入任何数据');
    // The batches' times are each run's own clock.
    const stats = async (db: string) => JSON.parse((await runCli(['stats', '--json', '--db', db])).stdout.replace(/"importedAt": ?"[^"]*"/g, '"importedAt":""')) as unknown;
    expect(await stats(url)).toEqual(await stats(sqliteFile));

    const [undonePg, undoneLite] = [await runCli(['undo', '2', '--db', url]), await runCli(['undo', '2', '--db', sqliteFile])];
    expect(undonePg.code).toBe(0);
    expect(undonePg.stdout).toBe(undoneLite.stdout);
    expect(undonePg.stdout).toContain('删除 31 行');
  }, 240_000);
});
