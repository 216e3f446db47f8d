import { isStoreUrl, StoreError } from './openStore';

/** Where a store lives: a SQLite file (the desktop), or a PostgreSQL database (the city server). */
export type StoreLocation = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

/**
 * Reads a --db / KAOPING_DB value. A postgres:// (or postgresql://) URL selects PostgreSQL; a URL
 * of any other scheme, or a postgres URL without host or database, is refused: taken as a file
 * name it would silently create a SQLite file in a folder named after the scheme ("postgres:").
 * Everything else is a SQLite file path. `postgres:///db?host=/run/postgresql` (a unix socket) counts
 * as having a host.
 */
export function parseStoreLocation(value: string): StoreLocation {
  if (!isStoreUrl(value)) return { dialect: 'sqlite', file: value };
  const shown = redactStoreUrl(value);
  if (!/^postgres(ql)?:/i.test(value)) {
    throw new StoreError('unsupported_location', `不支持的数据库地址「${shown}」：--db 只接受 SQLite 数据库文件的路径，或 postgres://用户@主机:端口/数据库 形式的 PostgreSQL 地址。`);
  }
  let parsed: URL | null;
  try {
    parsed = /^postgres(ql)?:\/\//i.test(value) ? new URL(value) : null;
  } catch {
    parsed = null;
  }
  const missing = parsed === null || (parsed.hostname === '' && !parsed.searchParams.has('host')) ? '主机' : parsed.pathname.replace(/^\//, '') === '' ? '数据库名' : null;
  if (missing !== null) {
    throw new StoreError('unsupported_location', `PostgreSQL 地址「${shown}」不完整（缺少${missing}）：应为 postgres://用户@主机:端口/数据库。`);
  }
  return { dialect: 'postgres', url: value };
}

/** A store location fit for messages and logs: a URL's password replaced by ***. */
export function redactStoreUrl(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}
