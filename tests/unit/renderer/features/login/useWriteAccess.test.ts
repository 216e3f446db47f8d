import { describe, expect, it } from 'vitest';
import { METHOD_ACCESS } from '../../../../../src/backend/handlers/methodAccess';
import { writeRefusalKey, type WriteAccess } from '../../../../../src/renderer/features/login/useWriteAccess';
import type { SessionAccountDto } from '../../../../../src/shared/api/authProtocol';
import { en } from '../../../../../src/renderer/i18n/en';
import { zhCN } from '../../../../../src/renderer/i18n/zhCN';

const ACCOUNTS: Record<string, SessionAccountDto> = {
  admin: { name: 'a', role: 'admin', district: null },
  supervisor: { name: 's', role: 'supervisor', district: '城东营销部' },
  reviewer: { name: 'r', role: 'reviewer', district: null },
};

function textOf(resources: Record<string, unknown>, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resources);
}

describe('which write buttons a role is offered', () => {
  it('follows the backend’s access rule for every role and kind of write', () => {
    // The page offers a write exactly when methodAccess.ts lets the role call such a method.
    const allowedByBackend = (role: string, access: WriteAccess) => (access === 'district' ? role === 'supervisor' : role === 'admin');
    for (const access of ['district', 'city'] as const) {
      expect(Object.values(METHOD_ACCESS)).toContain(access);
      for (const [role, account] of Object.entries(ACCOUNTS)) {
        expect([role, access, writeRefusalKey(account, access) === null]).toEqual([role, access, allowedByBackend(role, access)]);
      }
    }
  });

  it('a reviewer is told 只读（审阅人）, in both languages', () => {
    const key = writeRefusalKey(ACCOUNTS.reviewer!, 'district') as string;
    expect(textOf(zhCN as unknown as Record<string, unknown>, key)).toBe('只读（审阅人）');
    expect(textOf(en as unknown as Record<string, unknown>, key)).toBe('Read only (reviewer)');
    expect(writeRefusalKey(ACCOUNTS.reviewer!, 'city')).toBe(key);
  });

  it('the desktop (no account) is offered everything; a supervisor without a district nothing', () => {
    expect([writeRefusalKey(null, 'district'), writeRefusalKey(null, 'city')]).toEqual([null, null]);
    expect(writeRefusalKey({ name: 'x', role: 'supervisor', district: null }, 'district')).toBe('login.readOnly.noDistrict');
  });
});
