import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, hashPassword, verifyPassword } from '../../../../../src/backend/services/accounts/passwordHash';

const CHEAP = { N: 1024, r: 8, p: 1 };

describe('passwordHash: scrypt with a per-hash salt and its parameters in the string', () => {
  it('verifies the right password and refuses a wrong one, a changed hash and a malformed string', async () => {
    const stored = await hashPassword('正确的密码 correct', CHEAP);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('正确的密码 correct', stored)).toBe(true);
    expect(await verifyPassword('正确的密码 Correct', stored)).toBe(false);
    const parts = stored.split('$');
    const key = Buffer.from(parts[5] as string, 'base64');
    key[0] = (key[0] as number) ^ 1;
    expect(await verifyPassword('正确的密码 correct', [...parts.slice(0, 5), key.toString('base64')].join('$'))).toBe(false);
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$1073741824$8$1$AAAA$AAAA')).toBe(false);
  });

  it('salts each hash: one password twice gives two strings, both verify', async () => {
    const a = await hashPassword('same password', CHEAP);
    const b = await hashPassword('same password', CHEAP);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password', a)).toBe(true);
    expect(await verifyPassword('same password', b)).toBe(true);
  });

  it('keeps the parameters a hash was made with: the default cost verifies beside a cheaper one', async () => {
    const strong = await hashPassword('pw-default-cost');
    expect(strong.split('$').slice(1, 4).map(Number)).toEqual([DEFAULT_SCRYPT.N, DEFAULT_SCRYPT.r, DEFAULT_SCRYPT.p]);
    expect(await verifyPassword('pw-default-cost', strong)).toBe(true);
  });
});
