import { isLoopbackHost } from '../backend/host/isLoopbackHost';
import { parseStoreLocation } from '../backend/db/storeLocation';
import { UsageError } from './usageError';

/** `HOST:PORT` (an IPv6 host in brackets: `[::1]:8080`). */
export function parseListenAddress(value: string): { host: string; port: number } {
  const match = /^(\[[^\]]+\]|[^:[\]]+):(\d{1,5})$/.exec(value);
  const port = Number(match?.[2]);
  if (!match || port > 65535) throw new UsageError(`--listen 需要「主机:端口」，例如 127.0.0.1:8080，收到「${value}」`);
  return { host: (match[1] as string).replace(/^\[|\]$/g, ''), port };
}

export { isLoopbackHost };

/**
 * Serving beyond this computer needs what the desktop store does not have: a server database
 * (PostgreSQL) and accounts with roles, so that no one on the network reads or changes a
 * district's data anonymously. Checked before anything opens; the accounts (at least one active
 * admin) are checked once the database is open (runServe).
 */
export function refuseOpenListen(host: string, dbLocation: string): void {
  if (isLoopbackHost(host)) return;
  if (parseStoreLocation(dbLocation).dialect === 'postgres') return;
  throw new UsageError(
    `不能在 ${host} 上对网络开放：只有 PostgreSQL 数据库（--db postgres://…）并启用登录账号后才能对外服务；SQLite 数据库文件只供本机使用（127.0.0.1）。`,
  );
}
