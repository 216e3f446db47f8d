import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStoreAt } from '../../../../../src/backend/db/openStoreAt';
import type { Store } from '../../../../../src/backend/db/openStore';
import { authenticateAccount, recheckAccount } from '../../../../../src/backend/services/accounts/authenticateAccount';
import { addAccount, changePassword, listAccounts, setAccountDisabled } from '../../../../../src/backend/services/accounts/manageAccounts';
import { listAudit } from '../../../../../src/backend/repositories/auditLogRepository';
import { freshPostgresDatabase, postgresTestUrl } from '../../../../helpers/postgresTestDatabase';
import { tempDir } from '../../../../helpers/tempDir';

const CHEAP = { N: 1024, r: 8, p: 1 };
const pgUrl = postgresTestUrl();

const dialects: [string, () => Promise<string>][] = [['SQLite', async () => path.join(tempDir('kaoping-accounts-'), 'k.sqlite')]];
if (pgUrl) dialects.push(['PostgreSQL', () => freshPostgresDatabase(pgUrl)]);

describe.each(dialects)('accounts on %s', (_label, location) => {
  let store: Store;
  const at = (iso: string) => ({ who: '张主任', now: new Date(iso) });
  beforeAll(async () => {
    store = await openStoreAt(await location());
  });
  afterAll(async () => store?.close());

  it('adds accounts with their roles, refuses bad input with a message, and audits without the password', async () => {
    await addAccount(store.db, { name: 'admin1', role: 'admin', password: 'admin-pass-1' }, at('2026-12-01T08:00:00Z'), CHEAP);
    await addAccount(store.db, { name: '李考核', role: 'supervisor', district: '城东营销部', password: 'sup-pass-1' }, at('2026-12-01T08:01:00Z'), CHEAP);
    await addAccount(store.db, { name: 'reviewer1', role: 'reviewer', password: 'rev-pass-1' }, at('2026-12-01T08:02:00Z'), CHEAP);
    await expect(addAccount(store.db, { name: 'admin1', role: 'admin', password: 'another-1' }, at('2026-12-01T08:03:00Z'), CHEAP)).rejects.toThrow('账号「admin1」已存在');
    await expect(addAccount(store.db, { name: 'x', role: 'supervisor', password: 'long-enough' }, at('2026-12-01T08:03:00Z'), CHEAP)).rejects.toThrow('--district');
    await expect(addAccount(store.db, { name: 'y', role: 'reviewer', district: '城东营销部', password: 'long-enough' }, at('2026-12-01T08:03:00Z'), CHEAP)).rejects.toThrow('不带 --district');
    await expect(addAccount(store.db, { name: 'z', role: 'owner', password: 'long-enough' }, at('2026-12-01T08:03:00Z'), CHEAP)).rejects.toThrow('收到「owner」');
    await expect(addAccount(store.db, { name: 'w', role: 'admin', password: 'short' }, at('2026-12-01T08:03:00Z'), CHEAP)).rejects.toThrow('密码至少 8 个字符');
    expect((await listAccounts(store.db)).map((a) => [a.name, a.role, a.district, a.disabled])).toEqual([
      ['admin1', 'admin', null, false],
      ['reviewer1', 'reviewer', null, false],
      ['李考核', 'supervisor', '城东营销部', false],
    ]);
    const audit = await listAudit(store.db, 'account', '');
    expect(audit.map((a) => [a.who, a.entityId, a.field, a.newValue])).toEqual([
      ['张主任', 'admin1', 'role', 'admin'],
      ['张主任', '李考核', 'role', 'supervisor'],
      ['张主任', '李考核', 'district', '城东营销部'],
      ['张主任', 'reviewer1', 'role', 'reviewer'],
    ]);
    const hash = (await store.db.selectFrom('accounts').select('password_hash').where('name', '=', 'admin1').executeTakeFirstOrThrow()).password_hash;
    expect(hash).not.toContain('admin-pass-1');
    expect(JSON.stringify(audit)).not.toContain(hash.split('$')[5]);
  });

  it('authenticates by name and password; a wrong password or unknown name gives null alike', async () => {
    const sup = await authenticateAccount(store.db, '李考核', 'sup-pass-1');
    expect(sup).toMatchObject({ name: '李考核', role: 'supervisor', district: '城东营销部' });
    expect(await authenticateAccount(store.db, '李考核', 'sup-pass-2')).toBeNull();
    expect(await authenticateAccount(store.db, 'nobody', 'sup-pass-1')).toBeNull();
  });

  it('a new password or disabling ends what a session holds; the last admin cannot be disabled', async () => {
    const session = await authenticateAccount(store.db, 'reviewer1', 'rev-pass-1');
    expect(session).not.toBeNull();
    expect(await recheckAccount(store.db, session!)).toMatchObject({ name: 'reviewer1' });
    await changePassword(store.db, 'reviewer1', 'rev-pass-2', at('2026-12-02T09:00:00Z'), CHEAP);
    expect(await recheckAccount(store.db, session!)).toBeNull();
    expect(await authenticateAccount(store.db, 'reviewer1', 'rev-pass-1')).toBeNull();
    const again = await authenticateAccount(store.db, 'reviewer1', 'rev-pass-2');
    await setAccountDisabled(store.db, 'reviewer1', true, at('2026-12-02T09:01:00Z'));
    expect(await recheckAccount(store.db, again!)).toBeNull();
    expect(await authenticateAccount(store.db, 'reviewer1', 'rev-pass-2')).toBeNull();
    await expect(setAccountDisabled(store.db, 'admin1', true, at('2026-12-02T09:02:00Z'))).rejects.toThrow('最后一个可用的管理员');
    await expect(changePassword(store.db, 'nobody', 'whatever-1', at('2026-12-02T09:02:00Z'), CHEAP)).rejects.toThrow('没有名为「nobody」的账号');
    await setAccountDisabled(store.db, 'reviewer1', false, at('2026-12-02T09:03:00Z'));
    expect(await authenticateAccount(store.db, 'reviewer1', 'rev-pass-2')).toMatchObject({ name: 'reviewer1' });
    const fields = (await listAudit(store.db, 'account', 'reviewer1')).map((a) => [a.field, a.oldValue, a.newValue]);
    expect(fields).toEqual([
      ['role', null, 'reviewer'],
      ['password', null, '（已更改）'],
      ['disabled', '0', '1'],
      ['disabled', '1', '0'],
    ]);
  });
});
