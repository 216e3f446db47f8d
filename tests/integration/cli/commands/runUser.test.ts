import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStoreAt } from '../../../../src/backend/db/openStoreAt';
import { authenticateAccount } from '../../../../src/backend/services/accounts/authenticateAccount';
import { runCli, type CliRun } from '../../../helpers/runCli';
import { tempDir } from '../../../helpers/tempDir';

const ROOT = path.resolve(__dirname, '../../../..');

/** `kaoping ARGS` with STDIN piped in (runCli gives the child no stdin). */
function runCliWithStdin(args: string[], stdin: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, KAOPING_PASSWORD: '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('kaoping user: accounts from the command line, passwords never on it', () => {
  it('adds, lists, changes a password, disables; each change reaches the store', async () => {
    const db = path.join(tempDir('kaoping-user-cli-'), 'k.sqlite');
    const admin = await runCli(['user', 'add', 'admin1', '--role', 'admin', '--db', db, '--by', '王管理'], { KAOPING_PASSWORD: 'first-admin-pw' });
    expect(admin.stderr).toBe('');
    expect(admin.stdout).toContain('已添加账号「admin1」（admin，管理员）');
    expect(admin.stdout + admin.stderr).not.toContain('first-admin-pw');
    const sup = await runCliWithStdin(['user', 'add', '李考核', '--role', 'supervisor', '--district', '城东营销部', '--password-stdin', '--db', db], 'sup-password-1\n');
    expect(sup.code).toBe(0);
    expect(sup.stdout).toContain('营销部：城东营销部');

    const noTerminal = await runCli(['user', 'passwd', '李考核', '--db', db], { KAOPING_PASSWORD: '' });
    expect(noTerminal.code).toBe(2);
    expect(noTerminal.stderr).toContain('KAOPING_PASSWORD 或 --password-stdin');
    const missingDistrict = await runCli(['user', 'add', 'x', '--role', 'supervisor', '--db', db], { KAOPING_PASSWORD: 'long-enough-1' });
    expect(missingDistrict.code).toBe(1);
    expect(missingDistrict.stderr).toContain('--district');

    const passwd = await runCliWithStdin(['user', 'passwd', '李考核', '--password-stdin', '--db', db], 'sup-password-2\n');
    expect(passwd.code).toBe(0);
    const list = await runCli(['user', 'list', '--json', '--db', db]);
    expect(JSON.parse(list.stdout).map((a: { name: string; role: string; district: string | null }) => [a.name, a.role, a.district])).toEqual([
      ['admin1', 'admin', null],
      ['李考核', 'supervisor', '城东营销部'],
    ]);
    const lastAdmin = await runCli(['user', 'disable', 'admin1', '--db', db]);
    expect(lastAdmin.code).toBe(1);
    expect(lastAdmin.stderr).toContain('最后一个可用的管理员');
    expect((await runCli(['user', 'disable', '李考核', '--db', db])).code).toBe(0);
    expect((await runCli(['user', 'list', '--db', db])).stdout).toContain('李考核  supervisor（考核人）  城东营销部  已停用');

    const store = await openStoreAt(db);
    try {
      expect(await authenticateAccount(store.db, 'admin1', 'first-admin-pw')).toMatchObject({ role: 'admin' });
      expect(await authenticateAccount(store.db, '李考核', 'sup-password-2')).toBeNull();
      const audit = await store.db.selectFrom('audit_log').select(['who', 'entity_id', 'field']).where('entity', '=', 'account').orderBy('id').execute();
      expect(audit[0]).toEqual({ who: '王管理', entity_id: 'admin1', field: 'role' });
      expect(audit.map((a) => a.field)).toEqual(['role', 'role', 'district', 'password', 'disabled']);
    } finally {
      await store.close();
    }
  });

  it('refuses a missing action or name with the usage (exit 2)', async () => {
    const run = await runCli(['user', 'remove', 'x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('user 需要 add、passwd、disable、enable 或 list');
  });
});
