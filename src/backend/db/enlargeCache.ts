import type BetterSqlite3 from 'better-sqlite3';

/** Page cache for a large import, in KiB (SQLite takes a negative cache_size as KiB). */
const IMPORT_CACHE_KIB = 128 * 1024;

/**
 * Raises the connection's page cache (and keeps sort scratch in memory) for the length of a large
 * write, returning what puts the previous settings back. With the default 2 MB cache, half a
 * million upserts spill dirty pages to the WAL and read index pages back over and over; the cache
 * only grows as pages are touched, so a small import costs no more memory than before.
 * Durability settings (journal, synchronous) are left alone.
 */
export function enlargeCache(sqlite: BetterSqlite3.Database): () => void {
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  const tempStore = sqlite.pragma('temp_store', { simple: true }) as number;
  sqlite.pragma(`cache_size = ${-IMPORT_CACHE_KIB}`);
  sqlite.pragma('temp_store = MEMORY');
  return () => {
    sqlite.pragma(`cache_size = ${Math.trunc(cacheSize)}`);
    sqlite.pragma(`temp_store = ${Math.trunc(tempStore)}`);
  };
}
