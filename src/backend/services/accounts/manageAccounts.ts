import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { appendAudit } from '../../repositories/auditLogRepository';
import { countActiveAdmins, findAccountByName, insertAccount, listAccountRows, updateAccount, type AccountRow } from '../../repositories/accountsRepository';
import { RequestError } from '../requestError';
import { claimWrite } from '../districts/districtWriteLock';
import { isAccountRole, type AccountRole } from './accountRole';
import { DEFAULT_SCRYPT, hashPassword, type ScryptParams } from './passwordHash';

/** Who makes a change to the people, and when (the audit row's who and at). */
export interface AccountActor {
  who: string;
  now: Date;
}

export interface AccountSummary {
  name: string;
  role: AccountRole;
  district: string | null;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

const MIN_PASSWORD_LENGTH = 8;

function checkName(raw: string): string {
  const name = raw.trim();
  if (!name) throw new RequestError('invalid_argument', '请填写账号名');
  if (name.length > 50) throw new RequestError('invalid_argument', `账号名不超过 50 字，收到 ${name.length} 字`);
  if (/[\s\u0000-\u001f]/.test(name)) throw new RequestError('invalid_argument', `账号名不能含空格或控制字符：「${name}」`);
  return name;
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new RequestError('invalid_argument', `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`);
  if (password.length > 200) throw new RequestError('invalid_argument', '密码不超过 200 个字符');
}

function checkRoleAndDistrict(role: string, district: string | null | undefined): { role: AccountRole; district: string | null } {
  if (!isAccountRole(role)) throw new RequestError('invalid_argument', `角色应为 admin、supervisor 或 reviewer，收到「${role}」`);
  const d = (district ?? '').trim();
  if (role === 'supervisor' && !d) throw new RequestError('invalid_argument', '考核人（supervisor）账号须用 --district 指明所属营销部');
  if (role !== 'supervisor' && d) throw new RequestError('invalid_argument', `只有考核人（supervisor）账号属于某个营销部；${role} 账号不带 --district`);
  if (d.length > 100) throw new RequestError('invalid_argument', '营销部名称不超过 100 字');
  return { role, district: role === 'supervisor' ? d : null };
}

async function existing(db: Kysely<Database>, name: string): Promise<AccountRow> {
  const row = await findAccountByName(db, name);
  if (!row) throw new RequestError('not_found', `没有名为「${name}」的账号`);
  return row;
}

function audit(db: Kysely<Database>, actor: AccountActor, name: string, field: string, oldValue: string | null, newValue: string | null) {
  return appendAudit(db, { at: actor.now.toISOString(), who: actor.who, entity: 'account', entityId: name, field, oldValue, newValue, reason: null });
}

/** A new account; audited field by field (never the password or its hash). */
export async function addAccount(
  db: Kysely<Database>,
  input: { name: string; role: string; district?: string | null; password: string },
  actor: AccountActor,
  params: ScryptParams = DEFAULT_SCRYPT,
): Promise<AccountSummary> {
  const name = checkName(input.name);
  const { role, district } = checkRoleAndDistrict(input.role, input.district);
  checkPassword(input.password);
  const passwordHash = await hashPassword(input.password, params);
  const at = actor.now.toISOString();
  await db.transaction().execute(async (trx) => {
    await claimWrite(trx, { scope: 'city', action: 'accounts', who: actor.who });
    if (await findAccountByName(trx, name)) throw new RequestError('exists', `账号「${name}」已存在（改密码用 user passwd，停用用 user disable）`);
    await insertAccount(trx, { name, role, district, password_hash: passwordHash, at });
    await audit(trx, actor, name, 'role', null, role);
    if (district !== null) await audit(trx, actor, name, 'district', null, district);
  });
  return { name, role, district, disabled: false, createdAt: at, updatedAt: at };
}

/** A new password; sessions opened before it end (their stamp, updated_at, no longer matches). */
export async function changePassword(db: Kysely<Database>, rawName: string, password: string, actor: AccountActor, params: ScryptParams = DEFAULT_SCRYPT): Promise<void> {
  const name = checkName(rawName);
  checkPassword(password);
  const passwordHash = await hashPassword(password, params);
  await db.transaction().execute(async (trx) => {
    await claimWrite(trx, { scope: 'city', action: 'accounts', who: actor.who });
    await existing(trx, name);
    await updateAccount(trx, name, { password_hash: passwordHash, updated_at: actor.now.toISOString() });
    await audit(trx, actor, name, 'password', null, '（已更改）');
  });
}

/**
 * Disables (or enables again) an account: it can no longer log in and its open sessions end.
 * The last active admin cannot be disabled, so that someone can always manage people.
 */
export async function setAccountDisabled(db: Kysely<Database>, rawName: string, disabled: boolean, actor: AccountActor): Promise<void> {
  const name = checkName(rawName);
  await db.transaction().execute(async (trx) => {
    await claimWrite(trx, { scope: 'city', action: 'accounts', who: actor.who });
    const row = await existing(trx, name);
    if ((row.disabled === 1) === disabled) return;
    if (disabled && row.role === 'admin' && (await countActiveAdmins(trx)) <= 1) {
      throw new RequestError('last_admin', `「${name}」是最后一个可用的管理员账号，不能停用（先用 user add 加一个管理员）`);
    }
    await updateAccount(trx, name, { disabled: disabled ? 1 : 0, updated_at: actor.now.toISOString() });
    await audit(trx, actor, name, 'disabled', String(row.disabled), disabled ? '1' : '0');
  });
}

export async function listAccounts(db: Kysely<Database>): Promise<AccountSummary[]> {
  return (await listAccountRows(db)).map((r) => ({
    name: r.name,
    role: isAccountRole(r.role) ? r.role : 'reviewer',
    district: r.district,
    disabled: r.disabled === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}
