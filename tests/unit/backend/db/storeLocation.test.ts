import { describe, expect, it } from 'vitest';
import { isStoreUrl, openStore, StoreError } from '../../../../src/backend/db/openStore';
import { parseStoreLocation, redactStoreUrl } from '../../../../src/backend/db/storeLocation';

function refusal(value: string): string {
  try {
    parseStoreLocation(value);
  } catch (err) {
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('unsupported_location');
    return (err as Error).message;
  }
  throw new Error(`accepted: ${value}`);
}

describe('--db / KAOPING_DB: file path or postgres:// URL', () => {
  it('takes paths as SQLite files, Windows drives and UNC paths included', () => {
    for (const file of ['kaoping.sqlite', '/data/k.sqlite', 'C:\\数据\\kaoping.sqlite', 'C://data/k.sqlite', 'D:k.sqlite', ':memory:', '\\\\server\\share\\k.sqlite']) {
      expect(parseStoreLocation(file)).toEqual({ dialect: 'sqlite', file });
    }
  });

  it('takes postgres:// and postgresql:// URLs as PostgreSQL, a socket folder in ?host= included', () => {
    for (const url of ['postgres://kaoping@db.example:5432/city', 'postgresql://u:secret@10.0.0.5/kaoping', 'POSTGRES://u@h/db', 'postgres:///kaoping?host=/run/postgresql']) {
      expect(parseStoreLocation(url)).toEqual({ dialect: 'postgres', url });
    }
  });

  it('refuses any other scheme, naming what it accepts', () => {
    for (const url of ['mysql://root@h/db', 'file:///tmp/k.sqlite', 'https://example.com/k.sqlite', 'sqlite://k.sqlite']) {
      const message = refusal(url);
      expect(message).toContain('不支持的数据库地址');
      expect(message).toContain('postgres://用户@主机:端口/数据库');
    }
  });

  it('refuses a postgres URL without host or database, or without the slashes', () => {
    expect(refusal('postgres://u@h')).toContain('缺少数据库名');
    expect(refusal('postgres://u@h/')).toContain('缺少数据库名');
    expect(refusal('postgres:///db')).toContain('缺少主机');
    expect(refusal('postgres:kaoping')).toContain('缺少主机');
  });

  it('never shows a password', () => {
    expect(redactStoreUrl('postgres://kaoping:s3cret@h:5432/db')).toBe('postgres://kaoping:***@h:5432/db');
    expect(refusal('mysql://root:s3cret@h/db')).not.toContain('s3cret');
    expect(refusal('postgres://u:s3cret@h')).not.toContain('s3cret');
  });

  it('openStore (the desktop) refuses a URL instead of creating a file named after it', async () => {
    expect(isStoreUrl('postgres://u@h/db')).toBe(true);
    expect(isStoreUrl('C://data/k.sqlite')).toBe(false);
    await expect(openStore('postgres://u@h/db')).rejects.toMatchObject({ code: 'unsupported_location' });
  });
});
