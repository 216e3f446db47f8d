import { addAccount, changePassword, listAccounts, setAccountDisabled } from '../../backend/services/accounts/manageAccounts';
import { parseCommandArgs } from '../parseCommandArgs';
import { promptSecret, readStdinLine } from '../readSecret';
import { UsageError } from '../usageError';
import { cliActor } from './cliActor';
import { withStore } from './withStore';

const ROLE_NAMES: Record<string, string> = { admin: '管理员', supervisor: '考核人', reviewer: '审阅人' };

/**
 * The new password, never from the command line itself (it would stay in the shell history and
 * in `ps`): --password-stdin, else $KAOPING_PASSWORD, else typed twice on the terminal, unechoed.
 */
async function newPassword(fromStdin: boolean | undefined): Promise<string> {
  if (fromStdin) return readStdinLine();
  const fromEnv = process.env.KAOPING_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const first = await promptSecret('新密码：');
  const second = await promptSecret('再输入一次：');
  if (first !== second) throw new UsageError('两次输入的密码不一致，没有更改');
  return first;
}

/**
 * `user add NAME --role admin|supervisor|reviewer [--district D]`, `user passwd NAME`,
 * `user disable NAME`, `user enable NAME`, `user list [--json]`: the people of a city server.
 * Each change is an audit row signed with --by / $KAOPING_USER (cliActor).
 */
export async function runUser(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      db: { type: 'string' },
      role: { type: 'string' },
      district: { type: 'string' },
      by: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    true,
  );
  const [action, name, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`多余的参数「${extra.join(' ')}」`);
  if (action === 'list') {
    if (name !== undefined) throw new UsageError(`多余的参数「${name}」`);
    return withStore(values.db, async (store) => {
      const accounts = await listAccounts(store.db);
      if (values.json) {
        process.stdout.write(`${JSON.stringify(accounts, null, 2)}\n`);
        return 0;
      }
      if (accounts.length === 0) process.stdout.write('还没有账号：用 kaoping user add NAME --role admin 添加第一个管理员\n');
      for (const a of accounts) {
        const district = a.district ? `  ${a.district}` : '';
        process.stdout.write(`${a.name}  ${a.role}（${ROLE_NAMES[a.role]}）${district}${a.disabled ? '  已停用' : ''}\n`);
      }
      return 0;
    });
  }
  if (action !== 'add' && action !== 'passwd' && action !== 'disable' && action !== 'enable') {
    throw new UsageError(`user 需要 add、passwd、disable、enable 或 list，收到「${action ?? ''}」`);
  }
  if (!name) throw new UsageError(`user ${action} 需要账号名，例如：user ${action} zhangsan`);
  if (action !== 'add' && (values.role !== undefined || values.district !== undefined)) {
    throw new UsageError(`user ${action} 不接受 --role 或 --district（角色与营销部在 user add 时给定）`);
  }
  if (action === 'add' && values.role === undefined) throw new UsageError('user add 需要 --role admin|supervisor|reviewer');
  // Asked before the database opens: nothing waits on a connection while someone types.
  const password = action === 'add' || action === 'passwd' ? await newPassword(values['password-stdin']) : '';
  return withStore(values.db, async (store) => {
    const actor = await cliActor(store, values.by);
    switch (action) {
      case 'add': {
        const added = await addAccount(store.db, { name, role: values.role as string, district: values.district ?? null, password }, actor);
        const district = added.district ? `，营销部：${added.district}` : '';
        process.stdout.write(`已添加账号「${added.name}」（${added.role}，${ROLE_NAMES[added.role]}${district}）\n`);
        break;
      }
      case 'passwd':
        await changePassword(store.db, name, password, actor);
        process.stdout.write(`已更改「${name}」的密码；该账号已登录的会话随之失效\n`);
        break;
      case 'disable':
        await setAccountDisabled(store.db, name, true, actor);
        process.stdout.write(`已停用账号「${name}」；该账号已登录的会话随之失效\n`);
        break;
      case 'enable':
        await setAccountDisabled(store.db, name, false, actor);
        process.stdout.write(`已启用账号「${name}」\n`);
        break;
    }
    return 0;
  });
}
