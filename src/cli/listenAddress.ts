import { parseStoreLocation } from '../backend/db/storeLocation';
import { UsageError } from './usageError';

/** `HOST:PORT` (an IPv6 host in brackets: `[::1]:8080`). */
export function parseListenAddress(value: string): { host: string; port: number } {
  const match = /^(\[[^\]]+\]|[^:[\]]+):(\d{1,5})$/.exec(value);
  const port = Number(match?.[2]);
  if (!match || port > 65535) throw new UsageError(`--listen 需要「主机:端口」，例如 127.0.0.1:8080，收到「${value}」`);
  return { host: (match[1] as string).replace(/^\[|\]$/g, ''), port };
}

/** The host listens on 127.0.0.1 (startHttpHost): the one loopback address it can take. */
function isLocal(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost';
}

/**
 * Serving beyond this computer needs what the desktop store does not have: a server database
 * (PostgreSQL) and accounts with roles, so that no one on the network reads or changes a
 * district's data anonymously. Accounts are not built yet (issue 18), so for now every
 * non-loopback address is refused, with the reason that applies.
 */
export function refuseOpenListen(host: string, dbLocation: string): void {
  if (isLocal(host)) return;
  const onPostgres = parseStoreLocation(dbLocation).dialect === 'postgres';
  throw new UsageError(
    onPostgres
      ? `不能在 ${host} 上对网络开放：对外服务需要登录账号与权限，这项功能尚未完成；目前只能监听本机（127.0.0.1）。`
      : `不能在 ${host} 上对网络开放：只有 PostgreSQL 数据库（--db postgres://…）并启用登录账号后才能对外服务；SQLite 数据库文件只供本机使用（127.0.0.1）。`,
  );
}
